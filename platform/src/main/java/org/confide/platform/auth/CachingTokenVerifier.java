package org.confide.platform.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.confide.platform.config.PlatformConfig;

/**
 * smallrye-jwt's verification with {@link VerifiedTokens} in front of it, for every service: a bearer token already
 * verified is accepted from memory until its {@code exp}. An entry lives no longer than the JWKS refresh interval
 * ({@code smallrye.jwt.jwks.refresh-interval}), so an issuer's removed key stops accepting cached tokens no later than
 * it stops accepting new ones; and a token naming a key the verifier cannot find (a key change at the issuer) empties
 * the cache, at most once per forced-refresh interval.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingTokenVerifier extends JWTCallerPrincipalFactory {

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final AtomicLong lastEmptied = new AtomicLong();
    private final VerifiedTokens<JWTCallerPrincipal> tokens;

    @Inject
    public CachingTokenVerifier(PlatformConfig config) {
        this.tokens = new VerifiedTokens<>(config.tokenCacheSize());
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
        long now = System.currentTimeMillis() / 1000;
        JWTCallerPrincipal known = tokens.get(token, info, now);
        if (known != null) {
            return known;
        }
        JWTCallerPrincipal verified;
        try {
            verified = verifier.parse(token, info);
        } catch (ParseException e) {
            if (unknownKey(e)) emptyOnKeyChange(now, info);
            throw e;
        }
        long exp = verified.getExpirationTime();
        if (exp > 0) {
            Integer refreshMinutes = info.getJwksRefreshInterval();
            long until = refreshMinutes == null ? exp : Math.min(exp, now + refreshMinutes * 60L);
            tokens.put(token, info, verified, until, now);
        }
        return verified;
    }

    private void emptyOnKeyChange(long now, JWTAuthContextInfo info) {
        long last = lastEmptied.get();
        long every = Math.max(1, info.getForcedJwksRefreshInterval()) * 60L;
        if (now - last >= every && lastEmptied.compareAndSet(last, now)) {
            tokens.clear();
        }
    }

    private static boolean unknownKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("UnresolvableKeyException")) return true;
        }
        return false;
    }
}
