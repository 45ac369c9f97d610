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
import org.confide.records.statement.rest.StatementDtos.Acknowledgement;
import org.confide.records.statement.rest.StatementDtos.CurrentView;
import org.confide.records.statement.service.StatementService;

/** R-REC-6: staff read the current confidentiality statement and acknowledge it before working with clients. */
@Path("/confidentiality-statement")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StatementResource {

    @Inject
    StatementService service;

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER, Roles.SUPERVISOR, Roles.ADMIN})
    public CurrentView current() {
        return CurrentView.of(service.current());
    }

    @POST
    @Path("/acknowledgement")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER, Roles.SUPERVISOR})
    public CurrentView acknowledge(@NotNull(message = "a JSON body is required") @Valid Acknowledgement body) {
        return CurrentView.of(service.acknowledge(body.version()));
    }
}
