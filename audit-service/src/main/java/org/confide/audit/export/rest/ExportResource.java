package org.confide.audit.export.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.confide.audit.export.service.ExportService;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.problem.Params;
import org.confide.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /audit/export?format=jsonl|csv&from=&to=} (docs/api.md audit-service): streamed, compliance only. */
@Tag(name = "Audit export", description = "The caller's log as JSON lines or CSV (compliance).")
@Path("/audit/export")
public class ExportResource {

    @Inject
    ExportService service;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.COMPLIANCE)
    @APIResponse(
            responseCode = "200",
            description = "The entries as JSON lines (one AuditEntry a line) or CSV, as an attachment.",
            content = {
                @Content(mediaType = "application/jsonl", schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))
            })
    public Response export(
            @QueryParam("format") String format,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("fromSeq") Long fromSeq,
            @QueryParam("toSeq") Long toSeq) {
        ExportService.Format f = Params.enumOf(ExportService.Format.class, "format", format == null ? "jsonl" : format);
        if (fromSeq != null && fromSeq < 1) throw ProblemException.badRequest("fromSeq", "must be 1 or more");
        if (toSeq != null && fromSeq != null && toSeq < fromSeq)
            throw ProblemException.badRequest("toSeq", "must not be before fromSeq");
        var filter = new ExportService.Filter(time("from", from), time("to", to), fromSeq, toSeq);
        String org = caller.org();
        StreamingOutput body = out -> service.write(org, f, filter, out);
        String type = f == ExportService.Format.csv ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8";
        return Response.ok(body, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-export." + f.name() + "\"")
                .build();
    }

    private static OffsetDateTime time(String field, String value) {
        if (value == null) return null;
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an RFC 3339 time, e.g. 2026-11-22T10:15:00Z");
        }
    }
}
