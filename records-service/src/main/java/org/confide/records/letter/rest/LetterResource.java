package org.confide.records.letter.rest;

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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.confide.platform.auth.Roles;
import org.confide.platform.idempotency.Idempotent;
import org.confide.platform.openapi.Refusal;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;
import org.confide.records.client.rest.Purposes;
import org.confide.records.letter.rest.LetterDtos.LetterView;
import org.confide.records.letter.rest.LetterDtos.NewLetter;
import org.confide.records.letter.service.LetterService;
import org.confide.records.letter.service.LetterShown;
import org.confide.records.paging.TimeCursor;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Letters on a client's behalf, as staff see them (R-CONS-3). */
@Tag(
        name = "Letters",
        description = "Letters written on a client's behalf, sent only once the client approved them (R-CONS-3).")
@Path("/clients/{id}/letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.PRACTITIONER})
public class LetterResource {

    @Inject
    LetterService service;

    @Inject
    Purposes purposes;

    @POST
    @Idempotent(reread = "letter")
    @APIResponse(
            responseCode = "201",
            description = "The letter, DRAFT.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LetterView.class)))
    @Refusal(status = 403, rules = "R-REC-1", when = "a practitioner not allocated to the client")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Response draft(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid NewLetter body) {
        LetterView l = LetterView.of(service.draft(uuid("id", id), body.toCommand()));
        return Response.created(URI.create("/clients/" + id + "/letters/" + l.id()))
                .entity(l)
                .build();
    }

    /** What a replay of {@link #draft} answers: the letter as it is now. */
    LetterView letter(String id, String letterId) {
        return LetterView.of(service.one(uuid("id", id), uuid("letterId", letterId), purposes.of(null)));
    }

    @GET
    @Refusal(status = 403, rules = "R-REC-1", when = "a practitioner not allocated to the client")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Page<LetterView> list(
            @PathParam("id") String id,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor,
            @HeaderParam(Purposes.HEADER) String purpose) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page(service.ofClient(uuid("id", id), TimeCursor.of(page), page.limit(), purposes.of(purpose)), page);
    }

    /** R-CONS-3: 409 unless the client approved it. */
    @POST
    @Path("/{letterId}/send")
    @Refusal(status = 409, rules = "R-CONS-3", when = "the client has not approved the letter")
    @Refusal(status = 403, rules = "R-REC-1", when = "a practitioner not allocated to the client")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public LetterView send(@PathParam("id") String id, @PathParam("letterId") String letterId) {
        return LetterView.of(service.send(uuid("id", id), uuid("letterId", letterId)));
    }

    static Page<LetterView> page(List<LetterShown> shown, PageRequest page) {
        List<LetterView> found = shown.stream().map(LetterView::of).toList();
        LetterView last = found.isEmpty() ? null : found.getLast();
        return new Page<>(
                found, last == null ? null : TimeCursor.next(found.size(), page, last.createdAt(), last.id()));
    }
}
