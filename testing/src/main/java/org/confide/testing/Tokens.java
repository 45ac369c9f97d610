package org.confide.testing;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * Mints RS256 tokens signed with the test key pair ({@code confide-test/*.pem}, test use only), with the
 * claims Confide reads: {@code sub}, {@code groups}, {@code org}.
 */
public final class Tokens {

    public static final String ISSUER = "https://confide.local";
    private static final PrivateKey KEY = load();

    private Tokens() {
    }

    public static String token(String role, String org, String sub) {
        return Jwt.issuer(ISSUER).subject(sub).groups(Set.of(role)).claim("org", org)
                .expiresIn(3600).jws().keyId("confide-test").sign(KEY);
    }

    /** A token naming {@code audience} in {@code aud} (CONFIDE_JWT_AUDIENCE). */
    public static String withAudience(String role, String org, String sub, String audience) {
        return Jwt.issuer(ISSUER).subject(sub).groups(Set.of(role)).claim("org", org).audience(audience)
                .expiresIn(3600).jws().keyId("confide-test").sign(KEY);
    }

    /**
     * A token shaped as Keycloak sends it: no {@code groups}, the role among Keycloak's own realm roles in
     * {@code realm_access.roles}.
     */
    public static String keycloakStyle(String role, String org, String sub) {
        return Jwt.issuer(ISSUER).subject(sub).claim("org", org)
                .claim("realm_access", java.util.Map.of("roles", java.util.List.of(role, "offline_access", "default-roles-confide")))
                .expiresIn(3600).jws().keyId("confide-test").sign(KEY);
    }

    /** A token signed by the trusted key that names no organisation. */
    public static String withoutOrg(String role, String sub) {
        return Jwt.issuer(ISSUER).subject(sub).groups(Set.of(role)).expiresIn(3600).jws().keyId("confide-test").sign(KEY);
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String forged(String role, String org, String sub) {
        try {
            var gen = java.security.KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return Jwt.issuer(ISSUER).subject(sub).groups(Set.of(role)).claim("org", org)
                    .expiresIn(3600).sign(gen.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String expired(String role, String org, String sub) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).subject(sub).groups(Set.of(role)).claim("org", org)
                .issuedAt(now - 7200).expiresAt(now - 3600).sign(KEY);
    }

    /** The test public key as PEM text (to hand to a service started as a separate process). */
    public static String publicKeyPem() {
        return resource("confide-test/publicKey.pem");
    }

    private static PrivateKey load() {
        String pem = resource("confide-test/privateKey.pem")
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
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
