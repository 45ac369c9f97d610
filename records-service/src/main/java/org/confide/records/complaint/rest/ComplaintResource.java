package org.confide.records.complaint.rest;

import static org.confide.platform.problem.Params.uuid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.confide.records.client.rest.Purposes;
import org.confide.records.complaint.ComplaintStatus;
import org.confide.records.complaint.rest.ComplaintDtos.ComplaintView;
import org.confide.records.complaint.rest.ComplaintDtos.StatusChange;
import org.confide.records.complaint.service.ComplaintCommands.ChangeStatus;
import org.confide.records.complaint.service.ComplaintService;
import org.confide.records.paging.TimeCursor;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The organisation's complaints, for its directors (R-COMP-1): managers only; a practitioner, whose work a complaint
 * may be about, never reads them.
 */
@Tag(name = "Complaints", description = "Clients' complaints, handled by the organisation's directors (R-COMP-1).")
@Path("/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MANAGER)
public class ComplaintResource {

    @Inject
    ComplaintService service;

    @Inject
    Purposes purposes;

    @GET
    public Page<ComplaintView> list(
            @QueryParam("status") String status,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor,
            @HeaderParam(Purposes.HEADER) String purpose) {
        PageRequest page = PageRequest.of(limit, cursor);
        ComplaintStatus wanted = status == null
                ? null
                : org.confide.platform.problem.Params.enumOf(ComplaintStatus.class, "status", status);
        return page(
                ComplaintView.of(service.ofOrg(wanted, TimeCursor.of(page), page.limit(), purposes.of(purpose))), page);
    }

    @GET
    @Path("/{id}")
    public ComplaintView get(@PathParam("id") String id, @HeaderParam(Purposes.HEADER) String purpose) {
        return ComplaintView.of(service.one(uuid("id", id), purposes.of(purpose)));
    }

    /** A director acknowledges the complaint, reviews it, or records its outcome (409 R-COMP-1 out of order). */
    @POST
    @Path("/{id}/status")
    @Refusal(
            status = 409,
            rules = "R-COMP-1",
            when = "a move the complaint's status does not allow (acknowledged first; an outcome is final)")
    public ComplaintView status(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid StatusChange body) {
        return ComplaintView.of(service.change(uuid("id", id), new ChangeStatus(body.status())));
    }

    static Page<ComplaintView> page(List<ComplaintView> found, PageRequest page) {
        ComplaintView last = found.isEmpty() ? null : found.getLast();
        return new Page<>(
                found, last == null ? null : TimeCursor.next(found.size(), page, last.createdAt(), last.id()));
    }
}
