package org.confide.records.referral.rest;

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
import java.util.List;
import java.util.UUID;
import org.confide.platform.auth.Roles;
import org.confide.platform.idempotency.Idempotent;
import org.confide.platform.openapi.Refusal;
import org.confide.platform.problem.ProblemException;
import org.confide.records.client.service.ClientService;
import org.confide.records.referral.Milestone;
import org.confide.records.referral.rest.ReferralDtos.MilestoneView;
import org.confide.records.referral.rest.ReferralDtos.NewMilestone;
import org.confide.records.referral.service.ReferralService;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Milestones of a client (R-REF-1): each notifies the referrer of a referred client. */
@Tag(
        name = "Milestones",
        description = "The referrer is told of the first meeting, the allocation and the end of contact (R-REF-1).")
@Path("/clients/{id}/milestones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.PRACTITIONER})
public class MilestoneResource {

    @Inject
    ReferralService service;

    @Inject
    ClientService clients;

    @POST
    @Idempotent(reread = "milestone")
    @APIResponse(
            responseCode = "201",
            description = "The milestone; the referrer is notified.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MilestoneView.class)))
    @Refusal(
            status = 422,
            rules = "R-REC-5",
            when = "INITIAL_MEETING_HELD of a referred client with limitsExplained false")
    @Refusal(
            status = 403,
            rules = "R-REC-1",
            when = "a practitioner not allocated, or a type other than INITIAL_MEETING_HELD")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Response record(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid NewMilestone body) {
        Milestone m = service.record(uuid("id", id), body.toCommand());
        return Response.created(URI.create("/clients/" + id + "/milestones/" + m.id))
                .entity(view(m))
                .build();
    }

    /** What a replay of {@link #record} answers: the milestone as it is now. */
    MilestoneView milestone(String id, String milestoneId) {
        UUID wanted = uuid("milestoneId", milestoneId);
        return list(id).stream()
                .filter(m -> m.id().equals(wanted))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("milestone"));
    }

    @GET
    @Refusal(status = 403, rules = "R-REC-1", when = "a practitioner not allocated to the client")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public List<MilestoneView> list(@PathParam("id") String id) {
        return service.ofClient(clients.forStaff(uuid("id", id)).id).stream()
                .map(MilestoneResource::view)
                .toList();
    }

    static MilestoneView view(Milestone m) {
        return MilestoneView.of(m);
    }
}
