package org.confide.records.client.rest;

import static org.confide.platform.problem.Params.enumOf;
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
import org.confide.records.client.Client;
import org.confide.records.client.ClientStatus;
import org.confide.records.client.rest.ClientDtos.ClientView;
import org.confide.records.client.rest.ClientDtos.RegisterClient;
import org.confide.records.client.rest.ClientDtos.Tombstone;
import org.confide.records.client.service.ClientService;
import org.confide.records.client.service.ClientShown;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Clients", description = "The people supported: registered, allocated, listed (R-REC-1, R-REC-5).")
@Path("/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientResource {

    @Inject
    ClientService service;

    @Inject
    Purposes purposes;

    @POST
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @Idempotent(reread = "registered")
    @APIResponse(
            responseCode = "201",
            description = "The client, ACTIVE, its registering practitioner allocated.",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ClientDtos.ClientView.class)))
    @Refusal(status = 422, rules = "R-REC-5", when = "the limits of confidentiality were not explained")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Response register(@NotNull(message = "a JSON body is required") @Valid RegisterClient body) {
        Client client = service.register(body.toCommand());
        return Response.created(URI.create("/clients/" + client.id))
                .entity(view(client))
                .build();
    }

    /** What a replay of {@link #register} answers: the client as it is now, a tombstone once destroyed (R-REC-3). */
    Object registered(String id) {
        return get(id, null);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @APIResponse(
            responseCode = "200",
            description = "The client, identity included; a destroyed client is its tombstone.",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(oneOf = {ClientDtos.ClientView.class, ClientDtos.Tombstone.class})))
    @Refusal(status = 403, rules = "R-REC-1", when = "a practitioner not allocated to the client")
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Object get(@PathParam("id") String id, @HeaderParam("X-Purpose-Of-Use") String purpose) {
        Client c = service.read(uuid("id", id), purposes.of(purpose));
        return c.destroyed() ? Tombstone.of(c) : view(c);
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.MANAGER})
    @APIResponse(
            responseCode = "200",
            description = "A page of clients; destroyed ones as tombstones.",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ClientDtos.ClientPage.class)))
    @Refusal(
            status = 403,
            rules = "R-REC-6",
            when = "the caller has not acknowledged the current confidentiality statement")
    public Page<Object> list(
            @QueryParam("status") String status,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor,
            @HeaderParam("X-Purpose-Of-Use") String purpose) {
        PageRequest page = PageRequest.of(limit, cursor);
        ClientStatus wanted = status == null ? null : enumOf(ClientStatus.class, "status", status);
        List<ClientShown> found = service.list(
                wanted, page.after() == null ? null : uuid("cursor", page.after()), page.limit(), purposes.of(purpose));
        String next = found.size() == page.limit()
                ? PageRequest.encode(found.getLast().client().id.toString())
                : null;
        return new Page<>(
                found.stream()
                        .<Object>map(s -> s.client().destroyed() ? Tombstone.of(s.client()) : ClientView.of(s))
                        .toList(),
                next);
    }

    public ClientView view(Client c) {
        return ClientView.of(service.shown(c));
    }
}
