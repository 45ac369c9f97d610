package org.confide.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.confide.jwt.Rs256;

/**
 * Mints RS256 tokens signed with the test key pair ({@code confide-test/*.pem}, test use only), with the
 * claims Confide reads: {@code sub}, {@code groups}, {@code org} (the jwt module's {@link Rs256}, as ./confide token).
 */
public final class Tokens {

    public static final String ISSUER = "https://confide.local";
    private static final String KEY_ID = "confide-test";
    private static final Duration HOUR = Duration.ofHours(1);
    private static final PrivateKey KEY = load();

    private Tokens() {}

    public static String token(String role, String org, String sub) {
        return Rs256.sign(KEY, KEY_ID, claims(role, org, sub));
    }

    /** A token naming {@code audience} in {@code aud} (CONFIDE_JWT_AUDIENCE). */
    public static String withAudience(String role, String org, String sub, String audience) {
        Map<String, Object> claims = claims(role, org, sub);
        claims.put("aud", audience);
        return Rs256.sign(KEY, KEY_ID, claims);
    }

    /**
     * A token shaped as Keycloak sends it: no {@code groups}, the role among Keycloak's own realm roles in
     * {@code realm_access.roles}.
     */
    public static String keycloakStyle(String role, String org, String sub) {
        Map<String, Object> claims = claims(role, org, sub);
        claims.remove("groups");
        claims.put("realm_access", Map.of("roles", List.of(role, "offline_access", "default-roles-confide")));
        return Rs256.sign(KEY, KEY_ID, claims);
    }

    /** A token signed by the trusted key that names no organisation. */
    public static String withoutOrg(String role, String sub) {
        return Rs256.sign(KEY, KEY_ID, claims(role, null, sub));
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String forged(String role, String org, String sub) {
        return Rs256.sign(Rs256.newKeyPair().getPrivate(), null, claims(role, org, sub));
    }

    public static String expired(String role, String org, String sub) {
        return Rs256.sign(
                KEY, null, Rs256.claims(ISSUER, sub, role, org, Instant.now().minus(Duration.ofHours(2)), HOUR));
    }

    /** The test public key as PEM text (to hand to a service started as a separate process). */
    public static String publicKeyPem() {
        return resource("confide-test/publicKey.pem");
    }

    private static Map<String, Object> claims(String role, String org, String sub) {
        return Rs256.claims(ISSUER, sub, role, org, Instant.now(), HOUR);
    }

    private static PrivateKey load() {
        try {
            return Rs256.privateKey(resource("confide-test/privateKey.pem"));
        } catch (Exception e) {
            throw new IllegalStateException("test private key unreadable", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " missing from the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
