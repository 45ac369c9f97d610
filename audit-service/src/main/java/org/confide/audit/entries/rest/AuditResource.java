package org.confide.audit.entries.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.confide.audit.chain.repository.AuditEntryRepository;
import org.confide.audit.checkpoint.service.CheckpointService;
import org.confide.audit.entries.service.AuditQueryService;
import org.confide.audit.verify.service.VerifyService;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;
import org.confide.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The compliance view of the audit log (docs/api.md audit-service): read-only, scoped to the caller's organisation. */
@Tag(
        name = "Audit trail",
        description = "The log's entries, one disclosure's trail, inclusion proofs and verification (compliance).")
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditQueryService service;

    @Inject
    CheckpointService checkpoints;

    @Inject
    VerifyService verifier;

    @Inject
    Caller caller;

    @GET
    @Path("/entries")
    @APIResponse(
            responseCode = "200",
            description = "Entries of the caller's organisation, oldest first, paged.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EntrySchemas.EntryPage.class)))
    @RolesAllowed(Roles.COMPLIANCE)
    public Page<JsonNode> entries(
            @QueryParam("clientId") String clientId,
            @QueryParam("actorId") String actorId,
            @QueryParam("type") String type,
            @QueryParam("correlationId") String correlationId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        var filter = new AuditEntryRepository.Filter(
                clientId, actorId, type, correlationId, time("from", from), time("to", to));
        return service.page(caller.org(), filter, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/trails/{correlationId}")
    @APIResponse(
            responseCode = "200",
            description = "Every entry of one disclosure or other correlated work, in order.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = EntrySchemas.Entry.class)))
    @RolesAllowed(Roles.COMPLIANCE)
    public List<JsonNode> trail(@PathParam("correlationId") String correlationId) {
        return service.trail(caller.org(), correlationId);
    }

    /** The inclusion proof of one entry against the latest checkpoint (RFC 6962 / RFC 9162). */
    @GET
    @Path("/entries/{seq}/proof")
    @RolesAllowed(Roles.COMPLIANCE)
    public CheckpointService.ProofView proof(@PathParam("seq") String seq) throws SQLException {
        long n;
        try {
            n = Long.parseLong(seq);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("seq", "must be a whole number");
        }
        if (n < 1) throw ProblemException.badRequest("seq", "must be 1 or more");
        return checkpoints.proof(caller.org(), n);
    }

    /**
     * The chain, every checkpoint and the stored tree of the caller's organisation; names the first broken seq. Without
     * a range it continues from the last checkpoint an earlier verify found the log to match ({@code full=true}: from
     * the first entry); with {@code fromSeq}/{@code toSeq} it checks that range as it is and records nothing.
     */
    @GET
    @Path("/verify")
    @RolesAllowed(Roles.COMPLIANCE)
    public VerifyService.VerifyReport verify(
            @QueryParam("fromSeq") Long fromSeq, @QueryParam("toSeq") Long toSeq, @QueryParam("full") String full)
            throws SQLException {
        boolean everything;
        if (full == null || full.equals("false")) {
            everything = false;
        } else if (full.equals("true")) {
            everything = true;
        } else {
            throw ProblemException.badRequest("full", "must be true or false");
        }
        if (fromSeq == null && toSeq == null) {
            return verifier.verifyLog(caller.org(), everything);
        }
        long from = fromSeq == null ? 1 : fromSeq;
        long to = toSeq == null ? Long.MAX_VALUE : toSeq;
        if (from < 1) throw ProblemException.badRequest("fromSeq", "must be 1 or more");
        if (to < from) throw ProblemException.badRequest("toSeq", "must not be before fromSeq");
        return verifier.verify(caller.org(), from, to);
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
