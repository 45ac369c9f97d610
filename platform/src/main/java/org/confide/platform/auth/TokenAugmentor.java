package org.confide.platform.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * After the signature, issuer, audience and expiry are verified: the token's Confide roles as {@link TokenRoles}
 * reads them (an issuer's realm roles included), and a token without {@code org} refused with a 401 saying so
 * (docs/domain.md "Roles": every token acts for an organisation).
 */
@ApplicationScoped
public class TokenAugmentor implements SecurityIdentityAugmentor {

    /** The attribute of an AuthenticationFailedException whose value is the 401's {@code detail} (it names no secret). */
    public static final String DETAIL = "confide.problem-detail";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        Object org = jwt.getClaim(Caller.ORG_CLAIM);
        if (!(org instanceof String s) || s.isBlank()) {
            String detail =
                    "the token has no org claim: the issuer must put the caller's organisation in `org` (a string)";
            return Uni.createFrom().failure(new AuthenticationFailedException(detail, Map.of(DETAIL, detail)));
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(identity)
                        .addRoles(TokenRoles.of(jwt))
                        .build());
    }
}
