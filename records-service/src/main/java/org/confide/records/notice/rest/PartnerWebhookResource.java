package org.confide.records.notice.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.confide.platform.auth.Roles;
import org.confide.platform.openapi.Refusal;
import org.confide.records.notice.rest.NoticeDtos.WebhookRegistration;
import org.confide.records.notice.rest.NoticeDtos.WebhookView;
import org.confide.records.notice.service.NoticeService;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A partner organisation's webhook: where its written notices (R-REF-1) are POSTed, signed with its secret. */
@Tag(
        name = "Partner webhooks",
        description = "A partner's endpoint for its referrals' notices (R-REF-1): signed CloudEvents, retried, parked.")
@Path("/partner/webhook")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
public class PartnerWebhookResource {

    @Inject
    NoticeService service;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Refusal(status = 422, rules = "R-REF-1", when = "the url is not https (or http://127.0.0.1 where allowed)")
    public WebhookView register(@NotNull(message = "a JSON body is required") @Valid WebhookRegistration body) {
        NoticeService.Registered r = service.register(body.url());
        return WebhookView.of(r.webhook(), r.created());
    }

    @GET
    @APIResponse(
            responseCode = "200",
            description = "The webhook, without its secret.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "The caller's organisation has no webhook.")
    public WebhookView get() {
        return WebhookView.of(service.webhook(), false);
    }

    @POST
    @Path("/rotation")
    @APIResponse(
            responseCode = "200",
            description = "The webhook with its new secret; the previous one signs too until previousSecretValidUntil.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "The caller's organisation has no webhook.")
    public WebhookView rotate() {
        return WebhookView.of(service.rotate(), true);
    }

    @DELETE
    @APIResponse(responseCode = "204", description = "Removed: later notices go by e-mail where the referral gave one.")
    @APIResponse(responseCode = "404", description = "The caller's organisation has no webhook.")
    public Response remove() {
        service.remove();
        return Response.noContent().build();
    }
}
