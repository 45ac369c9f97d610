package org.confide.records.complaint.rest;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.confide.platform.auth.Roles;
import org.confide.platform.idempotency.Idempotent;
import org.confide.platform.openapi.Refusal;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;
import org.confide.records.complaint.rest.ComplaintDtos.ComplaintView;
import org.confide.records.complaint.rest.ComplaintDtos.NewComplaint;
import org.confide.records.complaint.service.ComplaintCommands.FileComplaint;
import org.confide.records.complaint.service.ComplaintService;
import org.confide.records.paging.TimeCursor;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's own complaints about the work (R-COMP-1). Token sub = client id. */
@Tag(name = "My complaints", description = "A client's complaints about the work, and how they stand (R-COMP-1).")
@Path("/me/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLIENT)
public class MyComplaintResource {

    @Inject
    ComplaintService service;

    @POST
    @Idempotent(reread = "get")
    @APIResponse(
            responseCode = "201",
            description =
                    "The complaint, RECEIVED, routed to the directors, with the outside bodies the organisation lists.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintView.class)))
    @Refusal(status = 409, rules = "R-REC-3", when = "the caller's record was destroyed")
    @Refusal(status = 404, when = "no client record of the caller's (the token's sub) in this organisation")
    public Response file(@NotNull(message = "a JSON body is required") @Valid NewComplaint body) {
        ComplaintView c = ComplaintView.of(service.file(new FileComplaint(body.text())));
        return Response.created(URI.create("/me/complaints/" + c.id()))
                .entity(c)
                .build();
    }

    @GET
    @Refusal(status = 404, when = "no client record of the caller's (the token's sub) in this organisation")
    public Page<ComplaintView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return ComplaintResource.page(ComplaintView.of(service.own(TimeCursor.of(page), page.limit())), page);
    }

    @GET
    @Path("/{id}")
    public ComplaintView get(@PathParam("id") String id) {
        return ComplaintView.of(service.ownComplaint(uuid("id", id)));
    }
}
