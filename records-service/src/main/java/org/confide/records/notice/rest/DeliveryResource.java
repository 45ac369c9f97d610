package org.confide.records.notice.rest;

import static org.confide.platform.problem.Params.uuid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.confide.platform.auth.Roles;
import org.confide.platform.openapi.Refusal;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;
import org.confide.platform.problem.ProblemException;
import org.confide.records.notice.Notice;
import org.confide.records.notice.NoticeStatus;
import org.confide.records.notice.rest.NoticeDtos.Delivery;
import org.confide.records.notice.service.NoticeService;
import org.confide.records.paging.TimeCursor;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The deliveries of a partner's written notices (R-REF-1): it sees those of its referrals and retries a parked one. */
@Tag(
        name = "Partner webhooks",
        description = "A partner's endpoint for its referrals' notices (R-REF-1): signed CloudEvents, retried, parked.")
@Path("/partner/deliveries")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    @Inject
    NoticeService service;

    @GET
    public Page<Delivery> ofPartner(
            @QueryParam("status") String status,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return page(service, true, status, limit, cursor);
    }

    @POST
    @Path("/{id}/retry")
    @Refusal(status = 409, rules = "R-REF-1", when = "the delivery is not PARKED")
    public Delivery retry(@PathParam("id") String id) {
        return Delivery.of(service.retry(uuid("id", id)));
    }

    static Page<Delivery> page(NoticeService service, boolean referrer, String status, Integer limit, String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<Notice> found = service.page(referrer, status(status), TimeCursor.of(page), page.limit());
        Notice last = found.isEmpty() ? null : found.getLast();
        return new Page<>(
                found.stream().map(Delivery::of).toList(),
                last == null ? null : TimeCursor.next(found.size(), page, last.createdAt, last.id));
    }

    static NoticeStatus status(String value) {
        if (value == null) return null;
        try {
            return NoticeStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be PENDING, DELIVERED or PARKED");
        }
    }
}
