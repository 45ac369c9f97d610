package org.confide.records.statement.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.confide.platform.auth.Roles;
import org.confide.platform.openapi.Refusal;
import org.confide.records.statement.rest.StatementDtos.Acknowledgement;
import org.confide.records.statement.rest.StatementDtos.CurrentView;
import org.confide.records.statement.service.StatementService;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** R-REC-6: staff read the current confidentiality statement and acknowledge it before working with clients. */
@Tag(
        name = "Confidentiality statement",
        description =
                "The organisation's confidentiality statement, its versions and the staff's acknowledgements (R-REC-6).")
@Path("/confidentiality-statement")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StatementResource {

    @Inject
    StatementService service;

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER, Roles.SUPERVISOR, Roles.ADMIN})
    @Refusal(status = 404, when = "while no statement is published")
    public CurrentView current() {
        return CurrentView.of(service.current());
    }

    @POST
    @Path("/acknowledgement")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER, Roles.SUPERVISOR})
    @Refusal(status = 422, rules = "R-REC-6", when = "a version other than the current one")
    @Refusal(status = 409, rules = "R-REC-6", when = "no statement is published")
    public CurrentView acknowledge(@NotNull(message = "a JSON body is required") @Valid Acknowledgement body) {
        return CurrentView.of(service.acknowledge(body.version()));
    }
}
