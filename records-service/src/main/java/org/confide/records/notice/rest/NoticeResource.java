package org.confide.records.notice.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.confide.platform.auth.Roles;
import org.confide.platform.paging.Page;
import org.confide.records.notice.rest.NoticeDtos.Delivery;
import org.confide.records.notice.service.NoticeService;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The provider's view of the written notices of its clients' milestones (R-REF-1): how each delivery went. */
@Tag(
        name = "Partner webhooks",
        description = "A partner's endpoint for its referrals' notices (R-REF-1): signed CloudEvents, retried, parked.")
@Path("/notices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class NoticeResource {

    @Inject
    NoticeService service;

    @GET
    public Page<Delivery> list(
            @QueryParam("status") String status,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return DeliveryResource.page(service, false, status, limit, cursor);
    }
}
