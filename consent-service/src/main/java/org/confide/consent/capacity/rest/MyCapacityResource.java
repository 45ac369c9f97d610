package org.confide.consent.capacity.rest;

import static org.confide.platform.problem.Params.uuid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.confide.consent.capacity.CapacityAssessment;
import org.confide.consent.capacity.rest.CapacityDtos.MyAssessmentView;
import org.confide.consent.capacity.service.CapacityService;
import org.confide.platform.auth.Roles;
import org.confide.platform.openapi.Refusal;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A client's own capacity and competence assessments (R-REC-2, R-CONS-6): that they exist and what they found, and
 * whether a finding of incapacity was explained; the token's {@code sub} is their client id.
 */
@Tag(
        name = "My capacity assessments",
        description =
                "That an assessment of the caller's capacity or competence was made, and its outcome (R-CONS-5, R-CONS-6).")
@Path("/me/capacity-assessments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLIENT)
public class MyCapacityResource {

    @Inject
    CapacityService service;

    /** Newest first, a plain array (a client has few). */
    @GET
    @Refusal(status = 404, when = "the caller's client record is not known to this service (yet)")
    public List<MyAssessmentView> list() {
        return service.listOwn().stream().map(MyCapacityResource::view).toList();
    }

    @GET
    @Path("/{id}")
    public MyAssessmentView get(@PathParam("id") String id) {
        return view(service.readOwn(uuid("id", id)));
    }

    private static MyAssessmentView view(CapacityAssessment a) {
        return new MyAssessmentView(
                a.id,
                a.matter,
                a.kind,
                a.hasCapacity,
                a.assessedAt,
                a.assessedByRole,
                a.hasCapacity ? null : a.explanationToPerson != null,
                a.hasCapacity ? null : a.hasSignificantOther);
    }
}
