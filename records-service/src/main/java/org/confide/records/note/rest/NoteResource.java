package org.confide.records.note.rest;

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
import org.confide.records.note.rest.NoteDtos.NewNote;
import org.confide.records.note.rest.NoteDtos.NoteView;
import org.confide.records.note.service.NoteService;
import org.confide.records.paging.TimeCursor;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Session notes of a client (R-REC-1). */
@Tag(
        name = "Notes",
        description = "Session notes: the work of the session, seen only by staff who work with the client (R-REC-1).")
@Path("/clients/{id}/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.PRACTITIONER})
public class NoteResource {

    @Inject
    NoteService service;

    @Inject
    Purposes purposes;

    @POST
    @Idempotent(reread = "note")
    @APIResponse(
            responseCode = "201",
            description = "The note written.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NoteView.class)))
    @Refusal(status = 403, rules = "R-REC-1", when = "a practitioner not allocated to the client")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Response write(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid NewNote body) {
        NoteView n = NoteView.of(service.write(uuid("id", id), body.toCommand()));
        return Response.created(URI.create("/clients/" + id + "/notes/" + n.id()))
                .entity(n)
                .build();
    }

    /** What a replay of {@link #write} answers: the note as it is now. */
    NoteView note(String id, String noteId) {
        return NoteView.of(service.one(uuid("id", id), uuid("noteId", noteId), purposes.of(null)));
    }

    @GET
    @Refusal(status = 403, rules = "R-REC-1", when = "a practitioner not allocated to the client")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Page<NoteView> read(
            @PathParam("id") String id,
            @HeaderParam(Purposes.HEADER) String purpose,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<NoteView> found =
                service.read(uuid("id", id), purposes.of(purpose), TimeCursor.of(page), page.limit()).stream()
                        .map(NoteView::of)
                        .toList();
        NoteView last = found.isEmpty() ? null : found.getLast();
        return new Page<>(
                found, last == null ? null : TimeCursor.next(found.size(), page, last.createdAt(), last.id()));
    }
}
