package org.confide.records.group.rest;

import static org.confide.platform.problem.Params.uuid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;
import org.confide.platform.auth.Roles;
import org.confide.platform.idempotency.Idempotent;
import org.confide.platform.openapi.Refusal;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;
import org.confide.platform.problem.ProblemException;
import org.confide.records.group.rest.GroupDtos.EndSession;
import org.confide.records.group.rest.GroupDtos.NewDeparture;
import org.confide.records.group.rest.GroupDtos.NewExclusion;
import org.confide.records.group.rest.GroupDtos.NewFacilitator;
import org.confide.records.group.rest.GroupDtos.NewGroup;
import org.confide.records.group.rest.GroupDtos.NewMember;
import org.confide.records.group.rest.GroupDtos.NewSession;
import org.confide.records.group.service.GroupCommands;
import org.confide.records.group.service.GroupCommands.AddMember;
import org.confide.records.group.service.GroupCommands.CreateGroup;
import org.confide.records.group.service.GroupCommands.RecordSession;
import org.confide.records.group.service.GroupResults.DepartureView;
import org.confide.records.group.service.GroupResults.ExclusionView;
import org.confide.records.group.service.GroupResults.GroupView;
import org.confide.records.group.service.GroupResults.MemberView;
import org.confide.records.group.service.GroupResults.SessionView;
import org.confide.records.group.service.GroupService;
import org.confide.records.paging.TimeCursor;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Peer groups and network meetings (docs/api.md; R-CONF-3, R-CONF-4). Only staff: a client (a member) never reaches any
 * of these endpoints, so members never see each other through Confide.
 */
@Tag(
        name = "Groups",
        description =
                "Peer groups and network meetings: members (anonymous if they wish), facilitators, sessions (R-CONF-3, R-CONF-4).")
@Path("/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.PRACTITIONER})
public class GroupResource {

    private static final String BODY_REQUIRED = "a JSON body is required";

    @Inject
    GroupService service;

    @POST
    @Idempotent(reread = "get")
    @APIResponse(
            responseCode = "201",
            description = "The group; the caller is its facilitator.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GroupView.class)))
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Response create(@NotNull(message = BODY_REQUIRED) @Valid NewGroup body) {
        GroupView g = service.create(new CreateGroup(body.kind(), body.name(), body.programme()));
        return Response.created(URI.create("/groups/" + g.id())).entity(g).build();
    }

    @GET
    @Path("/{id}")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public GroupView get(@PathParam("id") String id) {
        return service.read(uuid("id", id));
    }

    @POST
    @Path("/{id}/facilitators")
    @RolesAllowed(Roles.MANAGER)
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public GroupView facilitator(
            @PathParam("id") String id, @NotNull(message = BODY_REQUIRED) @Valid NewFacilitator body) {
        return service.facilitate(uuid("id", id), body.practitionerId());
    }

    @POST
    @Path("/{id}/members")
    @Idempotent(reread = "member", id = "memberId")
    @APIResponse(
            responseCode = "201",
            description = "The member.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    @Refusal(status = 422, rules = "R-CONF-3", when = "groundRulesAgreed is not true")
    @Refusal(status = 409, rules = "R-SAFE-2", when = "the client is excluded from the group")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Response join(@PathParam("id") String id, @NotNull(message = BODY_REQUIRED) @Valid NewMember body) {
        MemberView m =
                service.join(uuid("id", id), new AddMember(body.clientId(), body.alias(), body.groundRulesAgreed()));
        return Response.created(URI.create("/groups/" + id + "/members/" + m.memberId()))
                .entity(m)
                .build();
    }

    /** What a replay of {@link #join} answers: the membership as it is now (404 once the member has left). */
    MemberView member(String id, String memberId) {
        UUID wanted = uuid("memberId", memberId);
        return get(id).members().stream()
                .filter(m -> m.memberId().equals(wanted))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("member"));
    }

    @DELETE
    @Path("/{id}/members/{memberId}")
    @APIResponse(responseCode = "204", description = "The member has left.")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Response leave(@PathParam("id") String id, @PathParam("memberId") String memberId) {
        service.leave(uuid("id", id), uuid("memberId", memberId));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/sessions")
    @Idempotent(reread = "session")
    @APIResponse(
            responseCode = "201",
            description = "The session.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionView.class)))
    @Refusal(status = 422, when = "an attendee who is not a current member")
    @Refusal(status = 422, rules = "R-SAFE-2", when = "an excluded member among the attendees")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Response record(@PathParam("id") String id, @NotNull(message = BODY_REQUIRED) @Valid NewSession body) {
        SessionView s =
                service.record(uuid("id", id), new RecordSession(body.sessionDate(), body.attendeeIds(), body.note()));
        return Response.created(URI.create("/groups/" + id + "/sessions/" + s.id()))
                .entity(s)
                .build();
    }

    /** What a replay of {@link #record} answers: the session as it is now. */
    SessionView session(String id, String sessionId) {
        return service.session(uuid("id", id), uuid("sessionId", sessionId));
    }

    @GET
    @Path("/{id}/sessions")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Page<SessionView> sessions(
            @PathParam("id") String id, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<SessionView> found = service.sessions(uuid("id", id), TimeCursor.of(page), page.limit());
        SessionView last = found.isEmpty() ? null : found.getLast();
        return new Page<>(
                found, last == null ? null : TimeCursor.next(found.size(), page, last.createdAt(), last.id()));
    }

    /** R-SAFE-1: an attendee was asked to leave this session, with a reason code (never what was said). */
    @POST
    @Path("/{id}/sessions/{sessionId}/asked-to-leave")
    @Idempotent(reread = "departure")
    @APIResponse(
            responseCode = "201",
            description = "What was recorded: the member and a reason code, never what was said.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DepartureView.class)))
    @Refusal(status = 422, rules = "R-SAFE-1", when = "no reason, or a member who did not attend that session")
    @Refusal(status = 409, rules = "R-SAFE-1", when = "already recorded for this member and session")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Response askedToLeave(
            @PathParam("id") String id,
            @PathParam("sessionId") String sessionId,
            @NotNull(message = BODY_REQUIRED) @Valid NewDeparture body) {
        DepartureView d = service.askToLeave(
                uuid("id", id),
                uuid("sessionId", sessionId),
                new GroupCommands.AskToLeave(body.memberId(), body.reason()));
        return Response.created(URI.create("/groups/" + id + "/sessions/" + sessionId + "/asked-to-leave/" + d.id()))
                .entity(d)
                .build();
    }

    /** What a replay of {@link #askedToLeave} answers: the record as it is now. */
    DepartureView departure(String id, String sessionId, String departureId) {
        return service.departure(uuid("id", id), uuid("sessionId", sessionId), uuid("departureId", departureId));
    }

    /** R-SAFE-2: the facilitator ended the whole session early; support was offered to the affected attendees. */
    @POST
    @Path("/{id}/sessions/{sessionId}/end")
    @Refusal(status = 422, rules = "R-SAFE-2", when = "no reason, or support offered to no attendee")
    @Refusal(status = 409, rules = "R-SAFE-2", when = "the session has already ended")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public SessionView end(
            @PathParam("id") String id,
            @PathParam("sessionId") String sessionId,
            @NotNull(message = BODY_REQUIRED) @Valid EndSession body) {
        return service.end(
                uuid("id", id),
                uuid("sessionId", sessionId),
                new GroupCommands.EndSession(body.reason(), body.supportOfferedTo()));
    }

    /** R-SAFE-2 / R-SAFE-1: the member is excluded from the group and leaves it. */
    @POST
    @Path("/{id}/exclusions")
    @Idempotent(reread = "exclusion")
    @APIResponse(
            responseCode = "201",
            description = "The exclusion; the member has left the group.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExclusionView.class)))
    @Refusal(
            status = 422,
            rules = "R-SAFE-1",
            when = "REPEATED_BEHAVIOUR without two sessions the member was asked to leave")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Response exclude(@PathParam("id") String id, @NotNull(message = BODY_REQUIRED) @Valid NewExclusion body) {
        ExclusionView e = service.exclude(uuid("id", id), new GroupCommands.Exclude(body.memberId(), body.reason()));
        return Response.created(URI.create("/groups/" + id + "/exclusions/" + e.id()))
                .entity(e)
                .build();
    }

    @GET
    @Path("/{id}/exclusions/{exclusionId}")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public ExclusionView exclusion(@PathParam("id") String id, @PathParam("exclusionId") String exclusionId) {
        return service.exclusion(uuid("id", id), uuid("exclusionId", exclusionId));
    }

    @GET
    @Path("/{id}/exclusions")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Page<ExclusionView> exclusions(
            @PathParam("id") String id, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<ExclusionView> found = service.exclusions(uuid("id", id), TimeCursor.of(page), page.limit());
        ExclusionView last = found.isEmpty() ? null : found.getLast();
        return new Page<>(
                found, last == null ? null : TimeCursor.next(found.size(), page, last.decidedAt(), last.id()));
    }

    /** R-SAFE-2: only a manager lifts an exclusion (the members' or facilitators' decision is not undone by one of them). */
    @POST
    @Path("/{id}/exclusions/{exclusionId}/lift")
    @RolesAllowed(Roles.MANAGER)
    @Refusal(status = 409, rules = "R-SAFE-2", when = "the exclusion was already lifted")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public ExclusionView lift(@PathParam("id") String id, @PathParam("exclusionId") String exclusionId) {
        return service.lift(uuid("id", id), uuid("exclusionId", exclusionId));
    }
}
