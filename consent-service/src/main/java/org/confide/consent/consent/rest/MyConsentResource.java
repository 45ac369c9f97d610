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
import org.confide.consent.consent.Method;
import org.confide.consent.consent.rest.ConsentDtos.ConsentView;
import org.confide.consent.consent.rest.ConsentDtos.MyNewConsent;
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

/** A client's own consents: the token's {@code sub} is their client id (docs/api.md consent-service). */
@Tag(name = "My consents", description = "A client's own consents: read, give and withdraw (R-CONS-4, R-REC-2).")
@Path("/me/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLIENT)
public class MyConsentResource {

    @Inject
    ConsentService service;

    @Inject
    ConsentViews views;

    @GET
    @Refusal(status = 404, when = "the caller's client record is not known to this service (yet)")
    public Page<ConsentView> list(
            @QueryParam("status") String status,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        ConsentStatus wanted = status == null ? null : enumOf(ConsentStatus.class, "status", status);
        return views.page(
                service.listOwn(wanted, page.after() == null ? null : uuid("cursor", page.after()), page.limit()),
                page);
    }

    @GET
    @Path("/{id}")
    public ConsentView get(@PathParam("id") String id) {
        return views.one(service.readOwn(uuid("id", id)));
    }

    /** The client gives consent (R-CONS-1: confirming it was explained; R-CONS-2 purposes still wait for a manager). */
    @POST
    @Idempotent(reread = "get")
    @APIResponse(
            responseCode = "201",
            description = "The consent given.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsentView.class)))
    @Refusal(status = 422, rules = "R-CONS-1", when = "the situation was not explained")
    @Refusal(status = 422, rules = "R-CONS-4", when = "validUntil is not in the future")
    @Refusal(status = 422, rules = "R-CONS-5", when = "the client lacks capacity for information sharing")
    @Refusal(status = 404, when = "the caller's client record is not known to this service (yet)")
    @Refusal(
            status = 422,
            rules = "R-CONS-6",
            when = "under 16 (or of unknown age) without a competence assessment that found them competent")
    @Refusal(status = 409, rules = "R-REC-3", when = "the client's record was destroyed")
    public Response grant(@NotNull(message = "a JSON body is required") @Valid MyNewConsent body) {
        Consent c = service.grantOwn(new Terms(
                body.recipient().type(),
                body.recipient().name(),
                body.recipient().orgId(),
                body.categories(),
                body.purpose(),
                body.method() == null ? Method.ELECTRONIC : body.method(),
                body.explained(),
                body.evidenceRef(),
                body.validUntil()));
        return Response.created(URI.create("/me/consents/" + c.id))
                .entity(views.one(c))
                .build();
    }

    /** R-CONS-4: the client withdraws, with immediate effect. */
    @POST
    @Path("/{id}/withdraw")
    @Refusal(status = 409, rules = "R-CONS-4", when = "the consent is no longer in force")
    public ConsentView withdraw(@PathParam("id") String id, @Valid Withdrawal body) {
        return views.one(service.withdrawOwn(uuid("id", id), body == null ? null : body.reason()));
    }
}
