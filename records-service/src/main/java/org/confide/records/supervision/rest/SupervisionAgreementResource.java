package org.confide.records.supervision.rest;

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
import java.util.List;
import org.confide.platform.auth.Roles;
import org.confide.platform.idempotency.Idempotent;
import org.confide.platform.openapi.Refusal;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;
import org.confide.platform.problem.ProblemException;
import org.confide.records.paging.TimeCursor;
import org.confide.records.supervision.SupervisionAgreement;
import org.confide.records.supervision.rest.SupervisionAgreementDtos.AgreementView;
import org.confide.records.supervision.rest.SupervisionAgreementDtos.NewAgreement;
import org.confide.records.supervision.service.SupervisionAgreementService;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** R-CONF-5: a manager assigns a supervisor to a practitioner and ends it; the parties see their own agreements. */
@Tag(
        name = "Supervision agreements",
        description = "Which supervisor a practitioner takes their work to, assigned by a manager (R-CONF-5).")
@Path("/supervision-agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupervisionAgreementResource {

    @Inject
    SupervisionAgreementService service;

    @POST
    @RolesAllowed(Roles.MANAGER)
    @Idempotent(reread = "assigned")
    @APIResponse(
            responseCode = "201",
            description = "The agreement, standing from now.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementView.class)))
    @Refusal(
            status = 409,
            rules = "R-CONF-5",
            when = "that supervisor and practitioner already have a standing agreement")
    @Refusal(status = 422, rules = "R-CONF-5", when = "someone assigned as their own supervisor")
    public Response assign(@NotNull(message = "a JSON body is required") @Valid NewAgreement body) {
        SupervisionAgreement a = service.assign(body.toCommand());
        return Response.created(URI.create("/supervision-agreements/" + a.id))
                .entity(AgreementView.of(a))
                .build();
    }

    /** What a replay of {@link #assign} answers: the agreement as it is now. */
    AgreementView assigned(String id) {
        return get(id);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MANAGER, Roles.SUPERVISOR, Roles.PRACTITIONER})
    public AgreementView get(@PathParam("id") String id) {
        return AgreementView.of(service.one(uuid("id", id)));
    }

    @GET
    @RolesAllowed({Roles.MANAGER, Roles.SUPERVISOR, Roles.PRACTITIONER})
    public Page<AgreementView> list(
            @QueryParam("supervisorId") String supervisorId,
            @QueryParam("practitionerId") String practitionerId,
            @QueryParam("active") String active,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<SupervisionAgreement> found =
                service.list(supervisorId, practitionerId, bool("active", active), TimeCursor.of(page), page.limit());
        SupervisionAgreement last = found.isEmpty() ? null : found.getLast();
        return new Page<>(
                found.stream().map(AgreementView::of).toList(),
                last == null ? null : TimeCursor.next(found.size(), page, last.startedAt, last.id));
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed(Roles.MANAGER)
    @Refusal(status = 409, rules = "R-CONF-5", when = "the agreement has already ended")
    public AgreementView end(@PathParam("id") String id) {
        return AgreementView.of(service.end(uuid("id", id)));
    }

    private static Boolean bool(String field, String value) {
        if (value == null) return null;
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(field, "must be true or false");
        };
    }
}
