package org.confide.records.supervision.rest;

import static org.confide.platform.problem.Params.uuid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.confide.platform.auth.Roles;
import org.confide.platform.idempotency.Idempotent;
import org.confide.platform.openapi.Refusal;
import org.confide.records.supervision.rest.SupervisionDtos.NewSupervisionNote;
import org.confide.records.supervision.rest.SupervisionDtos.SupervisionNoteView;
import org.confide.records.supervision.service.SupervisionService;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** De-identified supervision material (R-CONF-2), written by the client's manager or allocated practitioner. */
@Tag(name = "Supervision", description = "De-identified material for supervision; the supervisor's view (R-CONF-2).")
@Path("/clients/{id}/supervision-notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupervisionResource {

    @Inject
    SupervisionService service;

    @POST
    @RolesAllowed({Roles.MANAGER, Roles.PRACTITIONER})
    @Idempotent(reread = "note")
    @APIResponse(
            responseCode = "201",
            description = "The supervision note written.",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = SupervisionNoteView.class)))
    @Refusal(
            status = 422,
            rules = "R-CONF-2",
            when = "the text contains the client's name or alias, date of birth, email or phone")
    @Refusal(status = 403, rules = "R-REC-1", when = "a practitioner not allocated to the client")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Response write(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid NewSupervisionNote body) {
        SupervisionNoteView n = SupervisionNoteView.of(service.write(uuid("id", id), body.text()));
        return Response.created(URI.create("/clients/" + id + "/supervision-notes/" + n.id()))
                .entity(n)
                .build();
    }

    /** What a replay of {@link #write} answers: the note as it is now. */
    SupervisionNoteView note(String id, String noteId) {
        return SupervisionNoteView.of(service.note(uuid("id", id), uuid("noteId", noteId)));
    }
}
