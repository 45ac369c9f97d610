package org.confide.audit.checkpoint.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.confide.audit.checkpoint.service.CheckpointService;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys of the caller's checkpoints, current and retired (docs/api.md "A log others can check and witness"). */
@Tag(name = "Checkpoints", description = "Signed checkpoints and consistency proofs between them (compliance).")
@Path("/audit/keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    @Inject
    CheckpointService service;

    @Inject
    Caller caller;

    /** A plain array, in the order the keys take over. */
    @GET
    @RolesAllowed(Roles.COMPLIANCE)
    public List<CheckpointService.KeyView> keys() {
        return service.keys(caller.org());
    }
}
