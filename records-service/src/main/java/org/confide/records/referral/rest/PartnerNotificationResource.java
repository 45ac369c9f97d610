package org.confide.records.referral.rest;

import static org.confide.platform.problem.Params.uuid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.confide.platform.auth.Roles;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;
import org.confide.records.paging.TimeCursor;
import org.confide.records.referral.Milestone;
import org.confide.records.referral.rest.ReferralDtos.Notice;
import org.confide.records.referral.service.ReferralService;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The partner's written notices (R-REF-1): only milestone types and times of its own referrals. */
@Tag(
        name = "Referrals",
        description = "Partners refer clients and see only the milestones of their own referrals (R-REF-1).")
@Path("/partner/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
public class PartnerNotificationResource {

    @Inject
    ReferralService service;

    @GET
    public Page<Notice> notifications(
            @QueryParam("since") String since,
            @QueryParam("referralId") String referralId,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<Milestone> found = service.notices(
                referralId == null ? null : uuid("referralId", referralId),
                since == null ? null : ReferralResource.time("since", since),
                TimeCursor.of(page),
                page.limit());
        Milestone last = found.isEmpty() ? null : found.getLast();
        return new Page<>(
                found.stream()
                        .map(m -> new Notice(m.id, m.referralId, m.type, m.at))
                        .toList(),
                last == null ? null : TimeCursor.next(found.size(), page, last.at, last.id));
    }
}
