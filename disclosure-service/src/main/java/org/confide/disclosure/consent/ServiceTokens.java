package org.confide.disclosure.consent;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import org.confide.jwt.Rs256;
import org.confide.platform.auth.Roles;

/** Short-lived service tokens for the call to consent-service (docs/architecture.md: {@code groups: [service]}, the caller's org). */
public final class ServiceTokens {

    private final PrivateKey key;
    private final String issuer;
    private final String serviceName;
    private final Clock clock;

    public ServiceTokens(PrivateKey key, String issuer, String serviceName, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.serviceName = serviceName;
        this.clock = clock;
    }

    /** A token valid for one minute, acting for {@code org} only. */
    public String mint(String org) {
        return Rs256.sign(
                key,
                null,
                Rs256.claims(issuer, serviceName, Roles.SERVICE, org, clock.instant(), Duration.ofSeconds(60)));
    }

    /** Reads a PEM (PKCS#8) RSA private key; an unreadable one is refused at start, naming the file. */
    public static PrivateKey load(Path location) {
        return Rs256.readPrivateKey(location);
    }
}
