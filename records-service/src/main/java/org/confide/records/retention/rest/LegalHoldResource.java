package org.confide.records.retention.rest;

import static org.confide.platform.problem.Params.uuid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.confide.platform.auth.Roles;
import org.confide.platform.openapi.Refusal;
import org.confide.records.client.rest.ClientDtos.ClientView;
import org.confide.records.client.service.ClientService;
import org.confide.records.retention.rest.RetentionDtos.Hold;
import org.confide.records.retention.service.RetentionService;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** R-REC-4: a legal hold suspends destruction of the client's record. */
@Tag(
        name = "Retention",
        description =
                "Destruction when the retention period has run out, and legal holds that suspend it (R-REC-3, R-REC-4).")
@Path("/clients/{id}/legal-hold")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LegalHoldResource {

    @Inject
    RetentionService service;

    @Inject
    ClientService clients;

    @POST
    @RolesAllowed(Roles.MANAGER)
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public ClientView hold(@PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid Hold body) {
        return ClientView.of(clients.shown(service.hold(uuid("id", id), body.reason())));
    }

    @DELETE
    @RolesAllowed(Roles.MANAGER)
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public void release(@PathParam("id") String id) {
        service.release(uuid("id", id));
    }
}
