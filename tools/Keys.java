import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The local key pair and tokens of `./confide` (JDK only, run as a source file):
 *   java tools/Keys.java gen DIR
 *   java tools/Keys.java token DIR ROLE ORG SUB TTL_SECONDS ISSUER
 * In production the services verify an OIDC issuer's tokens instead; this is for running Confide locally.
 */
public class Keys {
    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("gen")) {
            gen(Path.of(args[1]));
        } else if (args.length == 7 && args[0].equals("token")) {
            System.out.println(token(Path.of(args[1]), args[2], args[3], args[4], Long.parseLong(args[5]), args[6]));
        } else {
            System.err.println("usage: Keys gen DIR | Keys token DIR ROLE ORG SUB TTL ISSUER");
            System.exit(2);
        }
    }

    static void gen(Path dir) throws Exception {
        Path priv = dir.resolve("privateKey.pem");
        if (Files.exists(priv)) return;
        Files.createDirectories(dir);
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair pair = gen.generateKeyPair();
        Files.writeString(dir.resolve("publicKey.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        priv.toFile().setReadable(false, false);
        priv.toFile().setReadable(true, true);
    }

    static String token(Path dir, String role, String org, String sub, long ttl, String issuer) throws Exception {
        String body = new String(Files.readAllBytes(dir.resolve("privateKey.pem")), StandardCharsets.UTF_8)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":" + q(issuer) + ",\"sub\":" + q(sub) + ",\"upn\":" + q(sub) + ",\"groups\":[" + q(role)
                + "],\"org\":" + q(org) + ",\"iat\":" + now + ",\"exp\":" + (now + ttl) + "}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(rsa.sign());
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
