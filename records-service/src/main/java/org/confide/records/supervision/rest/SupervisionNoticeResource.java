package org.confide.records.supervision.rest;

import static org.confide.platform.problem.Params.uuid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.confide.platform.auth.Roles;
import org.confide.platform.openapi.Refusal;
import org.confide.records.client.rest.ClientDtos.ClientView;
import org.confide.records.client.service.ClientService;
import org.confide.records.supervision.rest.SupervisionAgreementDtos.Notice;
import org.confide.records.supervision.service.SupervisionAgreementService;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** R-CONF-5: staff record that a client (registered before, or without it) was told their work may be supervised. */
@Tag(name = "Supervision", description = "De-identified material for supervision; the supervisor's view (R-CONF-2).")
@Path("/clients/{id}/supervision-notice")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupervisionNoticeResource {

    @Inject
    SupervisionAgreementService service;

    @Inject
    ClientService clients;

    @POST
    @RolesAllowed({Roles.MANAGER, Roles.PRACTITIONER})
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    @Refusal(status = 403, rules = "R-REC-1", when = "a practitioner not allocated to the client")
    public ClientView record(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid Notice body) {
        return ClientView.of(clients.shown(service.recordNotice(uuid("id", id), body.explained())));
    }
}
