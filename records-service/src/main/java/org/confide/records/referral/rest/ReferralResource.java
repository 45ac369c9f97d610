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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.confide.platform.auth.Roles;
import org.confide.platform.idempotency.Idempotent;
import org.confide.platform.openapi.Refusal;
import org.confide.platform.problem.ProblemException;
import org.confide.records.referral.Referral;
import org.confide.records.referral.rest.ReferralDtos.MilestoneAt;
import org.confide.records.referral.rest.ReferralDtos.NewReferral;
import org.confide.records.referral.rest.ReferralDtos.PartnerReferral;
import org.confide.records.referral.rest.ReferralDtos.ReferralCreated;
import org.confide.records.referral.service.ReferralService;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a partner may do (R-REF-1): refer, and read the three milestones of its own referrals (others' are 404). */
@Tag(
        name = "Referrals",
        description = "Partners refer clients and see only the milestones of their own referrals (R-REF-1).")
@Path("/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
public class ReferralResource {

    @Inject
    ReferralService service;

    @POST
    @Idempotent(reread = "referred")
    @APIResponse(
            responseCode = "201",
            description = "The referral, RECEIVED.",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ReferralDtos.ReferralCreated.class)))
    @Refusal(status = 403, rules = "R-REF-1", when = "the provider organisation does not accept the caller's referrals")
    public Response refer(@NotNull(message = "a JSON body is required") @Valid NewReferral body) {
        Referral r = service.refer(body.toCommand());
        return Response.created(URI.create("/referrals/" + r.id))
                .entity(new ReferralCreated(r.id, r.status, r.clientId))
                .build();
    }

    /** What a replay of {@link #refer} answers: the referral as it is now. */
    ReferralCreated referred(String id) {
        Referral r = service.ofPartner(uuid("id", id));
        return new ReferralCreated(r.id, r.status, r.clientId);
    }

    @GET
    @Path("/{id}")
    public PartnerReferral get(@PathParam("id") String id) {
        Referral r = service.ofPartner(uuid("id", id));
        return new PartnerReferral(
                r.id,
                r.status,
                service.milestonesOf(r).stream()
                        .map(m -> new MilestoneAt(m.type, m.at))
                        .toList());
    }

    static OffsetDateTime time(String field, String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an RFC 3339 time such as 2026-11-22T10:15:00Z");
        }
    }
}
