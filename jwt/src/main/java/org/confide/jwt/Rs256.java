package org.confide.jwt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RS256 JSON Web Tokens (RFC 7515/7519) and their PEM keys, with the JDK only: the one minter and PEM reader of
 * {@code ./confide token}, the test tokens (testing's {@code Tokens}) and disclosure-service's service tokens.
 * Verifying tokens is not here: the services verify with SmallRye JWT (platform's auth).
 */
public final class Rs256 {

    private Rs256() {}

    /**
     * The claims Confide reads (docs/architecture.md, "Security"): {@code iss}, {@code sub} (and {@code upn}, the
     * MicroProfile JWT name, the same), {@code groups} with the one role, {@code org} (left out when null), {@code iat},
     * {@code exp}. The map is mutable and ordered, for a caller that adds or removes a claim.
     */
    public static Map<String, Object> claims(
            String issuer, String subject, String role, String org, Instant issuedAt, Duration ttl) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(role));
        if (org != null) claims.put("org", org);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(ttl).getEpochSecond());
        return claims;
    }

    /**
     * A compact JWS: header {@code {"alg":"RS256","typ":"JWT"}} (with {@code kid} when {@code keyId} is not null) and the
     * claims as JSON (strings, numbers, booleans, lists and maps of them), signed with SHA256withRSA.
     */
    public static String sign(PrivateKey key, String keyId, Map<String, ?> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        if (keyId != null) header.put("kid", keyId);
        String signingInput = base64Url(json(header).getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(json(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with this RSA key", e);
        }
    }

    /** A new 2048-bit RSA key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RSA private key from PEM text ({@code -----BEGIN PRIVATE KEY-----}, PKCS#8). */
    public static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
    }

    /** An RSA private key from a PEM file (PKCS#8); an unreadable one names the file. */
    public static PrivateKey readPrivateKey(Path file) {
        try {
            return privateKey(Files.readString(file));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a readable PKCS#8 RSA private key (PEM)", e);
        }
    }

    /** An RSA public key from PEM text ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    public static PublicKey publicKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
    }

    /** PEM text of a DER encoding: {@code type} is {@code PRIVATE KEY} or {@code PUBLIC KEY}, lines of 64. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        writeJson(value, out);
        return out.toString();
    }

    private static void writeJson(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String s -> writeString(s, out);
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            case Map<?, ?> map -> {
                out.append('{');
                Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<?, ?> e = it.next();
                    writeString(String.valueOf(e.getKey()), out);
                    out.append(':');
                    writeJson(e.getValue(), out);
                    if (it.hasNext()) out.append(',');
                }
                out.append('}');
            }
            case Iterable<?> list -> {
                out.append('[');
                Iterator<?> it = list.iterator();
                while (it.hasNext()) {
                    writeJson(it.next(), out);
                    if (it.hasNext()) out.append(',');
                }
                out.append(']');
            }
            default ->
                throw new IllegalArgumentException(
                        "a claim must be a string, number, boolean, list or map: " + value.getClass());
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
