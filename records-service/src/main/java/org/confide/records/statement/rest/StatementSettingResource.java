package org.confide.records.statement.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.confide.platform.auth.Roles;
import org.confide.platform.idempotency.Idempotent;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;
import org.confide.platform.problem.ProblemException;
import org.confide.records.statement.ConfidentialityStatement;
import org.confide.records.statement.rest.StatementDtos.NewStatement;
import org.confide.records.statement.rest.StatementDtos.StatementView;
import org.confide.records.statement.service.StatementService;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** R-REC-6: an admin publishes versions of the organisation's confidentiality statement; published ones never change. */
@Tag(
        name = "Confidentiality statement",
        description =
                "The organisation's confidentiality statement, its versions and the staff's acknowledgements (R-REC-6).")
@Path("/settings/confidentiality-statements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StatementSettingResource {

    @Inject
    StatementService service;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Idempotent(reread = "published", id = "version")
    @APIResponse(
            responseCode = "201",
            description = "The new version, current from now.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatementView.class)))
    public Response publish(@NotNull(message = "a JSON body is required") @Valid NewStatement body) {
        ConfidentialityStatement s = service.publish(body.toCommand());
        return Response.created(URI.create("/settings/confidentiality-statements/" + s.version))
                .entity(StatementView.of(s))
                .build();
    }

    /** What a replay of {@link #publish} answers: that version. */
    StatementView published(String version) {
        return get(version);
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public StatementView get(@PathParam("version") String version) {
        return StatementView.of(service.version(number("version", version)));
    }

    /** Every version, newest first, paged. */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Page<StatementView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<ConfidentialityStatement> found =
                service.versions(page.after() == null ? null : number("cursor", page.after()), page.limit());
        String next = found.size() == page.limit()
                ? PageRequest.encode(found.getLast().version.toString())
                : null;
        return new Page<>(found.stream().map(StatementView::of).toList(), next);
    }

    static int number(String field, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest(field, "must be a version number (1, 2, ...)");
    }
}
