package org.confide.records.supervision.rest;

import static org.confide.platform.problem.Params.uuid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.confide.platform.auth.Roles;
import org.confide.platform.openapi.Refusal;
import org.confide.records.supervision.rest.SupervisionDtos.SupervisionView;
import org.confide.records.supervision.service.SupervisionService;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The supervisor's view of a client (R-CONF-2): never identity, never session notes. */
@Tag(name = "Supervision", description = "De-identified material for supervision; the supervisor's view (R-CONF-2).")
@Path("/clients/{id}/supervision-view")
@Produces(MediaType.APPLICATION_JSON)
public class SupervisionViewResource {

    @Inject
    SupervisionService service;

    @GET
    @RolesAllowed(Roles.SUPERVISOR)
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public SupervisionView view(@PathParam("id") String id) {
        return SupervisionView.of(service.view(uuid("id", id)));
    }
}
