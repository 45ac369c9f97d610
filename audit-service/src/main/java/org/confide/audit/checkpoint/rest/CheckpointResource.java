package org.confide.audit.checkpoint.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.confide.audit.checkpoint.service.CheckpointService;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;

/** Signed checkpoints of the caller's organisation (docs/api.md audit-service, "Hashing"). */
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
    public CheckpointService.CheckpointView latest() throws SQLException {
        return service.latest(caller.org());
    }
}
