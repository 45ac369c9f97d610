package org.confide.consent.capacity.rest;

import static org.confide.platform.problem.Params.uuid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.confide.consent.capacity.CapacityAssessment;
import org.confide.consent.capacity.rest.CapacityDtos.AssessmentView;
import org.confide.consent.capacity.rest.CapacityDtos.NewAssessment;
import org.confide.consent.capacity.service.AssessCapacity;
import org.confide.consent.capacity.service.CapacityService;
import org.confide.platform.auth.Roles;
import org.confide.platform.crypto.ClientText;
import org.confide.platform.idempotency.Idempotent;

/**
 * Capacity (R-CONS-5) and competence (R-CONS-6) assessments per matter: manager, or the practitioner allocated to the
 * client.
 */
@Path("/capacity-assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.PRACTITIONER})
public class CapacityResource {

    @Inject
    CapacityService service;

    @Inject
    ClientText text;

    @POST
    @Idempotent(reread = "get")
    public Response assess(@NotNull(message = "a JSON body is required") @Valid NewAssessment body) {
        CapacityAssessment a = service.assess(new AssessCapacity(body.clientId(), body.matter(), body.kind(), body.hasCapacity(),
                body.reasons(), body.explanationToPerson(), body.hasSignificantOther(), body.explanationToSignificantOther()));
        return Response.created(URI.create("/capacity-assessments/" + a.id)).entity(view(a)).build();
    }

    @GET
    @Path("/{id}")
    public AssessmentView get(@PathParam("id") String id) {
        return view(service.read(uuid("id", id)));
    }

    /** The reasons are opened with the client's key; null once the client is destroyed (R-REC-3). */
    private AssessmentView view(CapacityAssessment a) {
        return new AssessmentView(a.id, a.clientId, a.matter, a.hasCapacity,
                text.open(a.clientId, "capacity.reasons", a.reasons), a.assessedAt, a.assessedBy,
                a.assessedByRole, a.kind, text.open(a.clientId, "capacity.explanationToPerson", a.explanationToPerson),
                a.hasSignificantOther,
                text.open(a.clientId, "capacity.explanationToSignificantOther", a.explanationToSignificantOther));
    }
}
