package org.confide.platform.auth;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: subject, organisation and roles from the verified JWT.
 * Every query is scoped by {@link #org()}; a token without an {@code org} claim is not accepted.
 */
@RequestScoped
public class Caller {

    public static final String ORG_CLAIM = "org";

    @Inject
    JsonWebToken jwt;

    public String org() {
        String org = jwt.getClaim(ORG_CLAIM);
        if (org == null || org.isBlank()) {
            throw new UnauthorizedException("token has no org claim");
        }
        return org;
    }

    public String subject() {
        String sub = jwt.getSubject();
        if (sub == null || sub.isBlank()) {
            throw new UnauthorizedException("token has no sub claim");
        }
        return sub;
    }

    /** The Confide roles the token holds, read as for {@code @RolesAllowed} (TokenRoles). */
    public Set<String> roles() {
        return TokenRoles.of(jwt);
    }

    public boolean is(String role) {
        return roles().contains(role);
    }

    /** The role recorded as the actor's in events: the most privileged one the token holds. */
    public String role() {
        return Roles.PRECEDENCE.stream().filter(this::is).findFirst().orElse("unknown");
    }

    public Actor actor() {
        return new Actor(subject(), role(), org());
    }
}
