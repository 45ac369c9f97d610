package org.confide.records.retention.rest;

import static org.confide.platform.problem.Params.uuid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.confide.platform.auth.Roles;
import org.confide.platform.openapi.Refusal;
import org.confide.records.client.Client;
import org.confide.records.client.rest.ClientDtos.Tombstone;
import org.confide.records.client.service.ClientService;
import org.confide.records.retention.service.RetentionService;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One client destroyed now, if due (R-REC-3) and not held (R-REC-4). */
@Tag(
        name = "Retention",
        description =
                "Destruction when the retention period has run out, and legal holds that suspend it (R-REC-3, R-REC-4).")
@Path("/clients/{id}/destruction")
@Produces(MediaType.APPLICATION_JSON)
public class DestructionResource {

    @Inject
    RetentionService service;

    @Inject
    ClientService clients;

    /** One client destroyed now, if due: 409 R-REC-4 under a hold, 409 R-REC-3 before its retention ended. */
    @POST
    @RolesAllowed(Roles.MANAGER)
    @Refusal(
            status = 409,
            rules = {"R-REC-4", "R-REC-3"},
            when = "under a legal hold, or before the retention period has run out")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Tombstone destroy(@PathParam("id") String id) {
        Client c = service.destroyOne(uuid("id", id));
        return Tombstone.of(c);
    }
}
