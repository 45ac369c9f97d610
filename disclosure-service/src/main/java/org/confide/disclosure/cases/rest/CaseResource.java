package org.confide.disclosure.cases.rest;

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
import org.confide.disclosure.assessment.Outcome;
import org.confide.disclosure.assessment.rest.AssessmentDtos;
import org.confide.disclosure.assessment.rest.AssessmentDtos.ConcernBody;
import org.confide.disclosure.assessment.service.AssessmentService;
import org.confide.disclosure.assessment.service.ConcernCommand;
import org.confide.disclosure.assessment.service.ConcernCommand.Recipient;
import org.confide.disclosure.cases.CaseStatus;
import org.confide.disclosure.cases.rest.CaseDtos.CaseView;
import org.confide.disclosure.cases.service.CaseService;
import org.confide.disclosure.cases.service.CaseService.ShareContext;
import org.confide.disclosure.consent.ConsentAnswer;
import org.confide.platform.auth.Roles;
import org.confide.platform.correlation.CorrelationId;
import org.confide.platform.idempotency.Idempotent;
import org.confide.platform.openapi.Refusal;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;
import org.confide.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The disclosure case workflow (docs/api.md disclosure-service); the case id is the correlation id of each of its steps. */
@Tag(
        name = "Disclosure cases",
        description =
                "A concern raised, assessed, decided, shared and closed: the steps of a breach of confidentiality (R-BRK, R-PROC).")
@Path("/disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    @Inject
    CaseService service;

    @Inject
    AssessmentService assessments;

    @Inject
    CaseViews views;

    @Inject
    CorrelationId correlation;

    /** Raise: assessed now (consent asked, fail closed) under the policy in force, which the case keeps. */
    @POST
    @Idempotent(reread = "get")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @APIResponse(
            responseCode = "201",
            description = "The case, RAISED, with its assessment.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseView.class)))
    @Refusal(status = 404, when = "a client or group this service has not heard of")
    @Refusal(status = 403, rules = "R-REC-1", when = "a practitioner not allocated to the client")
    public Response raise(@NotNull(message = "a JSON body is required") @Valid ConcernBody body) {
        if (body.context() == null)
            throw ProblemException.unprocessable(null, "context", "is required to raise a case");
        if (body.summary() == null || body.summary().isBlank()) {
            throw ProblemException.unprocessable(null, "summary", "is required to raise a case");
        }
        UUID id = UUID.randomUUID();
        correlation.set(id.toString());
        ConcernCommand concern = AssessmentDtos.command(body);
        var evaluated = assessments.evaluate(concern, id.toString(), true);
        CaseView view = views.one(service.raise(id, concern, evaluated));
        return Response.created(URI.create("/disclosures/" + id)).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Refusal(
            status = 403,
            rules = "R-REC-1",
            when = "a practitioner who neither raised the case nor is allocated to the client")
    public CaseView get(@PathParam("id") String id) {
        return views.one(service.read(caseId(id)));
    }

    /** What a replay of a step on a case ({@link #consult}, {@link #share}) answers: the case as it is now. */
    CaseView current(String id, String caseId) {
        return get(caseId);
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    public Page<CaseView> list(
            @QueryParam("clientId") String clientId,
            @QueryParam("status") String status,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        CaseStatus wanted = status == null || status.isBlank() ? null : enumOf(CaseStatus.class, "status", status);
        return views.page(
                service.list(
                        clientId == null || clientId.isBlank() ? null : clientId,
                        wanted,
                        page.after() == null ? null : uuid("cursor", page.after()),
                        page.limit()),
                page);
    }

    /** R-PROC-1. */
    @POST
    @Path("/{id}/client-involvement")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Refusal(
            status = 422,
            rules = "R-PROC-1",
            when = "NOT_INFORMED_RISK without informed false and a reason, or AGREED/REFUSED without informed true")
    @Refusal(
            status = 403,
            rules = "R-REC-1",
            when = "a practitioner who neither raised the case nor is allocated to the client")
    public CaseView involve(
            @PathParam("id") String id,
            @NotNull(message = "a JSON body is required") @Valid CaseDtos.Involvement body) {
        return views.one(service.involve(caseId(id), CaseDtos.command(body)));
    }

    /** R-PROC-2, R-REF-2. */
    @POST
    @Path("/{id}/consultations")
    @Idempotent(reread = "current")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @APIResponse(
            responseCode = "201",
            description = "The case with the consultation.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseView.class)))
    @Refusal(status = 422, rules = "R-REF-2", when = "a PARTNER_REPRESENTATIVE without orgId")
    @Refusal(status = 409, when = "the case is already decided")
    @Refusal(
            status = 403,
            rules = "R-REC-1",
            when = "a practitioner who neither raised the case nor is allocated to the client")
    public Response consult(
            @PathParam("id") String id,
            @NotNull(message = "a JSON body is required") @Valid CaseDtos.Consultation body) {
        return Response.status(201)
                .entity(views.one(service.consult(caseId(id), CaseDtos.command(body))))
                .build();
    }

    /** R-PROC-2: a manager who did not raise the case. */
    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.MANAGER)
    @Refusal(
            status = 409,
            rules = {"R-BRK-7", "R-PROC-1", "R-PROC-4", "R-PROC-2", "R-REF-2"},
            when =
                    "the outcome is NOT_JUSTIFIED (rule names why), involvement not recorded, the client refused, no consultation the policy requires, or a partner org has not supported")
    @Refusal(status = 403, rules = "R-PROC-2", when = "the manager who raised the case")
    @Refusal(status = 422, when = "lawfulBasis missing on an approval")
    public CaseView decide(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid CaseDtos.Decision body) {
        return views.one(service.decide(caseId(id), CaseDtos.command(body)));
    }

    /** R-PROC-3; a share resting on consent re-checks it first (R-CONS-4, fail closed). */
    @POST
    @Path("/{id}/shares")
    @Idempotent(reread = "current")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @APIResponse(
            responseCode = "200",
            description = "The case with the share.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseView.class)))
    @Refusal(status = 422, rules = "R-PROC-3", when = "a recipient or category the case did not propose")
    @Refusal(
            status = 409,
            rules = {"R-PROC-2", "R-CONS-4"},
            when = "not approved and no emergency path, or consent no longer covers it")
    @Refusal(
            status = 403,
            rules = "R-REC-1",
            when = "a practitioner who neither raised the case nor is allocated to the client")
    public Response share(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid CaseDtos.Share body) {
        UUID caseId = caseId(id);
        ShareContext ctx = service.shareContext(caseId);
        if (ctx.outcome() == Outcome.CONSENTED) {
            List<Recipient> proposed = ctx.recipients().stream()
                    .filter(r -> r.type() == body.recipientType())
                    .toList();
            if (!proposed.isEmpty()) {
                List<ConsentAnswer> answers = assessments
                        .answers(
                                ctx.clientId(),
                                ctx.groupId(),
                                proposed.subList(0, 1),
                                body.categories().stream().distinct().toList(),
                                ctx.purpose(),
                                caseId.toString())
                        .getFirst();
                if (!service.recordConsentRecheck(
                        caseId,
                        body.recipientType(),
                        body.categories().stream().distinct().toList(),
                        answers)) {
                    boolean checked = answers.stream().allMatch(ConsentAnswer::checked);
                    throw ProblemException.conflict(
                            "R-CONS-4",
                            checked
                                    ? "the client's consent no longer covers this share; the outcome is now that of the grounds and "
                                            + "the case needs the steps of a breach (approval, or the emergency path)"
                                    : "consent could not be checked (consent-service unavailable): counted as not consented; the case "
                                            + "now needs the steps of a breach");
                }
            }
        }
        return Response.ok(views.one(service.share(caseId, CaseDtos.command(body))))
                .build();
    }

    /** R-PROC-1: support offered, client told of the outcome. */
    @POST
    @Path("/{id}/follow-up")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Refusal(status = 422, rules = "R-PROC-1", when = "the client was not told and there is no note")
    @Refusal(status = 409, rules = "R-PROC-1", when = "before a decision or a share")
    @Refusal(
            status = 403,
            rules = "R-REC-1",
            when = "a practitioner who neither raised the case nor is allocated to the client")
    public CaseView followUp(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid CaseDtos.FollowUp body) {
        return views.one(service.followUp(caseId(id), CaseDtos.command(body)));
    }

    /** Managers: 409 until the follow-up is recorded and every emergency share has its retrospective decision. */
    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.MANAGER)
    @Refusal(
            status = 409,
            rules = {"R-PROC-1", "R-PROC-2"},
            when = "no follow-up yet, or an emergency share without its retrospective decision")
    public CaseView close(@PathParam("id") String id) {
        return views.one(service.close(caseId(id)));
    }

    /** Parses the id and makes it the request's correlation id (docs/api.md: the case id correlates all its steps). */
    private UUID caseId(String id) {
        UUID caseId = uuid("id", id);
        correlation.set(caseId.toString());
        return caseId;
    }
}
