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
import org.confide.platform.openapi.Refusal;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Capacity (R-CONS-5) and competence (R-CONS-6) assessments per matter: manager, or the practitioner allocated to the
 * client.
 */
@Tag(
        name = "Capacity assessments",
        description =
                "Decision-specific capacity (R-CONS-5) and, under 16, competence (R-CONS-6), assessed at the time.")
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
    @APIResponse(
            responseCode = "201",
            description = "The assessment recorded.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssessmentView.class)))
    @Refusal(status = 404, when = "a client this service has not heard of")
    @Refusal(
            status = 422,
            rules = "R-CONS-6",
            when =
                    "capacity found lacking without the explanations, or a competence assessment of someone known to be 16 or over")
    public Response assess(@NotNull(message = "a JSON body is required") @Valid NewAssessment body) {
        CapacityAssessment a = service.assess(new AssessCapacity(
                body.clientId(),
                body.matter(),
                body.kind(),
                body.hasCapacity(),
                body.reasons(),
                body.explanationToPerson(),
                body.hasSignificantOther(),
                body.explanationToSignificantOther()));
        return Response.created(URI.create("/capacity-assessments/" + a.id))
                .entity(view(a))
                .build();
    }

    @GET
    @Path("/{id}")
    public AssessmentView get(@PathParam("id") String id) {
        return view(service.read(uuid("id", id)));
    }

    /** The reasons are opened with the client's key; null once the client is destroyed (R-REC-3). */
    private AssessmentView view(CapacityAssessment a) {
        return new AssessmentView(
                a.id,
                a.clientId,
                a.matter,
                a.hasCapacity,
                text.open(a.clientId, "capacity.reasons", a.reasons),
                a.assessedAt,
                a.assessedBy,
                a.assessedByRole,
                a.kind,
                text.open(a.clientId, "capacity.explanationToPerson", a.explanationToPerson),
                a.hasSignificantOther,
                text.open(a.clientId, "capacity.explanationToSignificantOther", a.explanationToSignificantOther));
    }
}
