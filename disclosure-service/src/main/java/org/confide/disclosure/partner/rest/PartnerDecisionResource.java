package org.confide.disclosure.partner.rest;

import static org.confide.platform.problem.Params.enumOf;
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
import java.util.UUID;
import org.confide.disclosure.partner.PartnerDecision;
import org.confide.disclosure.partner.PartnerDecisionStatus;
import org.confide.disclosure.partner.rest.PartnerDecisionDtos.PartnerDecisionView;
import org.confide.disclosure.partner.rest.PartnerDecisionDtos.ProposalBody;
import org.confide.disclosure.partner.rest.PartnerDecisionDtos.SupportBody;
import org.confide.disclosure.partner.service.PartnerDecisionService;
import org.confide.platform.auth.Roles;
import org.confide.platform.correlation.CorrelationId;
import org.confide.platform.idempotency.Idempotent;
import org.confide.platform.openapi.Refusal;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * R-REF-2 beyond disclosures (docs/api.md disclosure-service "Partner decisions"): propose, answer, see, take effect. The
 * decision id is the correlation id of each of its events.
 */
@Tag(
        name = "Partner decisions",
        description =
                "Major decisions affecting partner organisations, which need each supporting organisation's yes (R-REF-2).")
@Path("/partner-decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerDecisionResource {

    @Inject
    PartnerDecisionService service;

    @Inject
    CorrelationId correlation;

    @POST
    @Idempotent(reread = "get")
    @RolesAllowed(Roles.MANAGER)
    @APIResponse(
            responseCode = "201",
            description = "The decision, PROPOSED, with the organisations whose support it needs.",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PartnerDecisionView.class)))
    public Response propose(@NotNull(message = "a JSON body is required") @Valid ProposalBody body) {
        UUID id = UUID.randomUUID();
        correlation.set(id.toString());
        PartnerDecisionView view = PartnerDecisionDtos.view(service.propose(id, PartnerDecisionDtos.command(body)));
        return Response.created(URI.create("/partner-decisions/" + id))
                .entity(view)
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.PARTNER})
    public PartnerDecisionView get(@PathParam("id") String id) {
        return PartnerDecisionDtos.view(service.read(decisionId(id)));
    }

    /** What a replay of an answer ({@link #support}) reads: the decision as it is now. */
    PartnerDecisionView current(String id, String decisionId) {
        return get(decisionId);
    }

    @GET
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.PARTNER})
    public Page<PartnerDecisionView> list(
            @QueryParam("status") String status,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        PartnerDecisionStatus wanted =
                status == null || status.isBlank() ? null : enumOf(PartnerDecisionStatus.class, "status", status);
        List<PartnerDecision> rows =
                service.list(wanted, page.after() == null ? null : uuid("cursor", page.after()), page.limit());
        boolean more = rows.size() > page.limit();
        List<PartnerDecision> items = more ? rows.subList(0, page.limit()) : rows;
        return new Page<>(
                items.stream()
                        .map(d -> PartnerDecisionDtos.view(service.load(d)))
                        .toList(),
                more ? PageRequest.encode(items.getLast().id.toString()) : null);
    }

    /** A supporting organisation's answer: its partner, or a manager on a representative's behalf. */
    @POST
    @Path("/{id}/support")
    @Idempotent(reread = "current")
    @RolesAllowed({Roles.MANAGER, Roles.PARTNER})
    @APIResponse(
            responseCode = "200",
            description = "The decision with this organisation's answer.",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PartnerDecisionView.class)))
    @Refusal(status = 403, rules = "R-REF-2", when = "a partner answering for another organisation")
    @Refusal(
            status = 422,
            rules = "R-REF-2",
            when = "a manager who names no organisation, or one the decision does not need")
    public Response support(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid SupportBody body) {
        return Response.ok(PartnerDecisionDtos.view(service.answer(decisionId(id), PartnerDecisionDtos.command(body))))
                .build();
    }

    /** 409 R-REF-2 until every supporting organisation supports it. */
    @POST
    @Path("/{id}/take-effect")
    @RolesAllowed(Roles.MANAGER)
    @Refusal(status = 409, rules = "R-REF-2", when = "a supporting organisation has not supported it yet")
    public PartnerDecisionView takeEffect(@PathParam("id") String id) {
        return PartnerDecisionDtos.view(service.takeEffect(decisionId(id)));
    }

    private UUID decisionId(String id) {
        UUID decisionId = uuid("id", id);
        correlation.set(decisionId.toString());
        return decisionId;
    }
}
