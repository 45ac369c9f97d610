package org.confide.disclosure.consent;

import io.smallrye.jwt.build.Jwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;

/** Short-lived service tokens for the call to consent-service (docs/architecture.md: {@code groups: [service]}, the caller's org). */
public final class ServiceTokens {

    private final PrivateKey key;
    private final String issuer;
    private final String serviceName;

    public ServiceTokens(PrivateKey key, String issuer, String serviceName) {
        this.key = key;
        this.issuer = issuer;
        this.serviceName = serviceName;
    }

    /** A token valid for one minute, acting for {@code org} only. */
    public String mint(String org) {
        return Jwt.issuer(issuer).subject(serviceName).groups(Set.of(Roles.SERVICE)).claim(Caller.ORG_CLAIM, org)
                .expiresIn(60).jws().sign(key);
    }

    /** Reads a PEM (PKCS#8) RSA private key. */
    public static PrivateKey load(Path location) {
        try {
            String pem = Files.readString(location).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("the service signing key " + location + " is not a readable PKCS#8 RSA key", e);
        }
    }
}
