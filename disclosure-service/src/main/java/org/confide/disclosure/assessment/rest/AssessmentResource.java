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
import org.confide.platform.openapi.Refusal;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /disclosure-assessments}: a dry run mid-session; nothing is stored (docs/api.md disclosure-service). */
@Tag(
        name = "Disclosure assessments",
        description = "A dry run of a concern: the outcome the policies give, with its rule ids; nothing stored.")
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
    @Refusal(status = 404, when = "a client or group this service has not heard of")
    public AssessmentView assess(@NotNull(message = "a JSON body is required") @Valid ConcernBody body) {
        return service.evaluate(AssessmentDtos.command(body), correlationId.value())
                .view();
    }
}
