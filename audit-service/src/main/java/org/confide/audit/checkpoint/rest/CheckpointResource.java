package org.confide.audit.checkpoint.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.confide.audit.checkpoint.service.CheckpointService;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.openapi.Refusal;
import org.confide.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Signed checkpoints of the caller's organisation (docs/api.md audit-service, "Hashing"). */
@Tag(name = "Checkpoints", description = "Signed checkpoints and consistency proofs between them (compliance).")
@Path("/audit/checkpoints")
@Produces(MediaType.APPLICATION_JSON)
public class CheckpointResource {

    @Inject
    CheckpointService service;

    @Inject
    Caller caller;

    /** The newest checkpoint; 404 before the organisation's first entry is covered. */
    @GET
    @Path("/latest")
    @RolesAllowed(Roles.COMPLIANCE)
    @Refusal(status = 404, when = "before the organisation's first checkpoint")
    public CheckpointService.CheckpointView latest() throws SQLException {
        return service.latest(caller.org());
    }

    /**
     * RFC 6962 / RFC 9162 consistency proof between tree sizes {@code from} and {@code to} of the caller's log
     * (docs/api.md "A log others can check and witness"): 1 &lt;= from &lt;= to &lt;= the latest checkpoint's size.
     */
    @GET
    @Path("/consistency")
    @RolesAllowed(Roles.COMPLIANCE)
    @Refusal(status = 404, when = "before the organisation's first checkpoint")
    public CheckpointService.ConsistencyView consistency(@QueryParam("from") String from, @QueryParam("to") String to)
            throws SQLException {
        long m = size("from", from);
        long n = size("to", to);
        if (m < 1)
            throw ProblemException.badRequest("from", "must be 1 or more: a proof from the empty tree proves nothing");
        if (n < m) throw ProblemException.badRequest("to", "must not be below from");
        return service.consistency(caller.org(), m, n);
    }

    private static long size(String field, String value) {
        if (value == null || value.isBlank()) throw ProblemException.badRequest(field, "is required: a tree size");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(field, "must be a whole number (a tree size)");
        }
    }
}
