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
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;

/** Consents recorded and managed by staff (docs/api.md consent-service). */
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
    public Response grant(@NotNull(message = "a JSON body is required") @Valid NewConsent body) {
        Consent c = service.grant(body.clientId(), new Terms(body.recipient().type(), body.recipient().name(),
                body.recipient().orgId(), body.categories(), body.purpose(), body.method(), body.explained(),
                body.evidenceRef(), body.validUntil()));
        return Response.created(URI.create("/consents/" + c.id)).entity(views.one(c)).build();
    }

    /** R-CONS-2: a manager's express permission, or refusal. */
    @POST
    @Path("/{id}/approval")
    @RolesAllowed(Roles.MANAGER)
    public ConsentView approve(@PathParam("id") String id,
                               @NotNull(message = "a JSON body is required") @Valid Approval body) {
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
    public Page<ConsentView> list(@QueryParam("clientId") String clientId, @QueryParam("status") String status,
                                  @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        ConsentStatus wanted = status == null ? null : enumOf(ConsentStatus.class, "status", status);
        return views.page(service.list(clientId == null || clientId.isBlank() ? null : clientId, wanted,
                page.after() == null ? null : uuid("cursor", page.after()), page.limit()), page);
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
    public ConsentView withdraw(@PathParam("id") String id, @Valid Withdrawal body) {
        return views.one(service.withdraw(uuid("id", id), body == null ? null : body.reason()));
    }
}
