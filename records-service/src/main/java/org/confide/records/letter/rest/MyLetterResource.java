package org.confide.records.letter.rest;

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
import org.confide.platform.auth.Roles;
import org.confide.platform.openapi.Refusal;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;
import org.confide.records.letter.rest.LetterDtos.Approval;
import org.confide.records.letter.rest.LetterDtos.LetterView;
import org.confide.records.letter.service.LetterService;
import org.confide.records.paging.TimeCursor;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's own letters (R-CONS-3): shown to them, approved or rejected by them. Token sub = client id. */
@Tag(
        name = "My letters",
        description = "A client's own letters, to read and approve or reject before they are sent (R-CONS-3).")
@Path("/me/letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLIENT)
public class MyLetterResource {

    @Inject
    LetterService service;

    @GET
    @Refusal(status = 404, when = "no client record of the caller's (the token's sub) in this organisation")
    public Page<LetterView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return LetterResource.page(service.own(TimeCursor.of(page), page.limit()), page);
    }

    @GET
    @Path("/{id}")
    public LetterView get(@PathParam("id") String id) {
        return LetterView.of(service.ownLetter(uuid("id", id)));
    }

    @POST
    @Path("/{id}/approval")
    @Refusal(status = 409, rules = "R-CONS-3", when = "the letter is no longer a DRAFT")
    public LetterView approval(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid Approval body) {
        return LetterView.of(service.decide(uuid("id", id), body.approved()));
    }
}
