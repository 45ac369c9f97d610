package org.confide.jwt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;

/**
 * The local key pair and tokens of {@code ./confide} and deploy/make-keys.sh:
 * <pre>
 *   java -jar jwt/target/confide-jwt.jar gen DIR
 *   java -jar jwt/target/confide-jwt.jar token DIR ROLE ORG SUB TTL_SECONDS ISSUER
 * </pre>
 * In production the services verify an OIDC issuer's tokens instead; this is for running Confide locally.
 */
public final class LocalKeys {

    private LocalKeys() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("gen")) {
            gen(Path.of(args[1]));
        } else if (args.length == 7 && args[0].equals("token")) {
            Path key = Path.of(args[1]).resolve("privateKey.pem");
            System.out.println(Rs256.sign(
                    Rs256.readPrivateKey(key),
                    null,
                    Rs256.claims(
                            args[6],
                            args[4],
                            args[2],
                            args[3],
                            Instant.now(),
                            Duration.ofSeconds(Long.parseLong(args[5])))));
        } else {
            System.err.println("usage: LocalKeys gen DIR | LocalKeys token DIR ROLE ORG SUB TTL ISSUER");
            System.exit(2);
        }
    }

    /** publicKey.pem and privateKey.pem in {@code dir}, unless the private key exists; the private key readable by its owner only. */
    static void gen(Path dir) throws Exception {
        Path priv = dir.resolve("privateKey.pem");
        if (Files.exists(priv)) return;
        Files.createDirectories(dir);
        KeyPair pair = Rs256.newKeyPair();
        Files.writeString(
                dir.resolve("publicKey.pem"),
                Rs256.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(priv, Rs256.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        priv.toFile().setReadable(false, false);
        priv.toFile().setReadable(true, true);
    }
}
