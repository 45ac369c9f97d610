package org.confide.consent.consent.rest;

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
import org.confide.consent.consent.Consent;
import org.confide.consent.consent.ConsentStatus;
import org.confide.consent.consent.rest.ConsentDtos.Approval;
import org.confide.consent.consent.rest.ConsentDtos.ConsentView;
import org.confide.consent.consent.rest.ConsentDtos.NewConsent;
import org.confide.consent.consent.rest.ConsentDtos.Withdrawal;
import org.confide.consent.consent.service.ConsentService;
import org.confide.consent.consent.service.ConsentService.Terms;
import org.confide.platform.auth.Roles;
import org.confide.platform.idempotency.Idempotent;
import org.confide.platform.openapi.Refusal;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Consents recorded and managed by staff (docs/api.md consent-service). */
@Tag(name = "Consents", description = "Consents recorded, approved and withdrawn by staff (R-CONS-1 to R-CONS-5).")
@Path("/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentResource {

    @Inject
    ConsentService service;

    @Inject
    ConsentViews views;

    /** R-CONS-1 (explained), R-CONS-2 (pending approval), R-CONS-4 (validUntil), R-CONS-5 (capacity). */
    @POST
    @Idempotent(reread = "get")
    @RolesAllowed({Roles.MANAGER, Roles.PRACTITIONER})
    @APIResponse(
            responseCode = "201",
            description = "The consent, ACTIVE or PENDING_APPROVAL (R-CONS-2).",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsentView.class)))
    @Refusal(status = 422, rules = "R-CONS-1", when = "the situation was not explained")
    @Refusal(status = 422, rules = "R-CONS-4", when = "validUntil is not in the future")
    @Refusal(status = 422, rules = "R-CONS-5", when = "the client lacks capacity for information sharing")
    @Refusal(status = 404, when = "a client this service has not heard of")
    @Refusal(
            status = 422,
            rules = "R-CONS-6",
            when = "under 16 (or of unknown age) without a competence assessment that found them competent")
    @Refusal(status = 409, rules = "R-REC-3", when = "the client's record was destroyed")
    public Response grant(@NotNull(message = "a JSON body is required") @Valid NewConsent body) {
        Consent c = service.grant(
                body.clientId(),
                new Terms(
                        body.recipient().type(),
                        body.recipient().name(),
                        body.recipient().orgId(),
                        body.categories(),
                        body.purpose(),
                        body.method(),
                        body.explained(),
                        body.evidenceRef(),
                        body.validUntil()));
        return Response.created(URI.create("/consents/" + c.id))
                .entity(views.one(c))
                .build();
    }

    /** R-CONS-2: a manager's express permission, or refusal. */
    @POST
    @Path("/{id}/approval")
    @RolesAllowed(Roles.MANAGER)
    @Refusal(status = 409, rules = "R-CONS-2", when = "the consent is not pending approval")
    public ConsentView approve(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid Approval body) {
        return views.one(service.approve(uuid("id", id), body.approved()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MANAGER, Roles.PRACTITIONER})
    public ConsentView get(@PathParam("id") String id) {
        return views.one(service.read(uuid("id", id)));
    }

    @GET
    @RolesAllowed({Roles.MANAGER, Roles.PRACTITIONER})
    public Page<ConsentView> list(
            @QueryParam("clientId") String clientId,
            @QueryParam("status") String status,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        ConsentStatus wanted = status == null ? null : enumOf(ConsentStatus.class, "status", status);
        return views.page(
                service.list(
                        clientId == null || clientId.isBlank() ? null : clientId,
                        wanted,
                        page.after() == null ? null : uuid("cursor", page.after()),
                        page.limit()),
                page);
    }

    /** A machine-readable receipt (ISO/IEC TS 27560 shape) for staff, the client, and the recipient partner. */
    @GET
    @Path("/{id}/receipt")
    @RolesAllowed({Roles.MANAGER, Roles.PRACTITIONER, Roles.CLIENT, Roles.PARTNER})
    public ReceiptDtos.Receipt receipt(@PathParam("id") String id) {
        return views.receipt(service.readForReceipt(uuid("id", id)));
    }

    /** R-CONS-4: withdrawn at once; the reason stays in the history, never in an event. */
    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.MANAGER, Roles.PRACTITIONER})
    @Refusal(status = 409, rules = "R-CONS-4", when = "the consent is no longer in force")
    public ConsentView withdraw(@PathParam("id") String id, @Valid Withdrawal body) {
        return views.one(service.withdraw(uuid("id", id), body == null ? null : body.reason()));
    }
}
