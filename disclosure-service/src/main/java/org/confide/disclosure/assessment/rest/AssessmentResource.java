package org.confide.disclosure.assessment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.confide.disclosure.assessment.rest.AssessmentDtos.ConcernBody;
import org.confide.disclosure.assessment.service.AssessmentService;
import org.confide.disclosure.assessment.service.AssessmentViews.AssessmentView;
import org.confide.platform.auth.Roles;
import org.confide.platform.correlation.CorrelationId;

/** {@code POST /disclosure-assessments}: a dry run mid-session; nothing is stored (docs/api.md disclosure-service). */
@Path("/disclosure-assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    @Inject
    AssessmentService service;

    @Inject
    CorrelationId correlationId;

    @POST
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    public AssessmentView assess(@NotNull(message = "a JSON body is required") @Valid ConcernBody body) {
        return service.evaluate(AssessmentDtos.command(body), correlationId.value()).view();
    }
}
