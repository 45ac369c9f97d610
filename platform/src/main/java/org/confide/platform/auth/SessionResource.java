package org.confide.platform.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /session} on every service: who the token says the caller is. Front ends use it after sign-in;
 * the benchmarks use it as the trivial authenticated endpoint a real endpoint is compared with.
 */
@Tag(name = "Session", description = "Who the caller is, as the service sees their token.")
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    Caller caller;

    public record Session(String subject, String org, String role, List<String> roles) {}

    @GET
    @RolesAllowed({
        Roles.PRACTITIONER,
        Roles.MANAGER,
        Roles.SUPERVISOR,
        Roles.CLIENT,
        Roles.PARTNER,
        Roles.COMPLIANCE,
        Roles.ADMIN,
        Roles.SERVICE
    })
    public Session session() {
        return new Session(
                caller.subject(),
                caller.org(),
                caller.role(),
                caller.roles().stream().sorted().toList());
    }
}
