package org.confide.platform.crypto;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key that wraps every client's data key (docs/architecture.md, crypto-shredding). Taken from
 * {@code confide.crypto.master-key}: 32 bytes in base64, or the path of a file holding that text (as Compose and
 * Kubernetes mount secrets). Without it the service refuses to start.
 */
@ApplicationScoped
@IfBuildProperty(name = "confide.crypto.enabled", stringValue = "true")
public class MasterKey {

    @Inject
    CryptoConfig config;

    private volatile byte[] key;

    void onStart(@Observes StartupEvent ignored) {
        bytes();
    }

    byte[] bytes() {
        byte[] k = key;
        if (k == null) {
            k = load(config.masterKeyVariable(), config.masterKey().orElse(null));
            key = k;
        }
        return k;
    }

    /** A key derived for one use (so the master key itself encrypts nothing but data keys). */
    public byte[] derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes(), "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key of {@code value}; {@code variable} is the environment variable named when it is missing or wrong. */
    static byte[] load(String variable, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: this service needs its master key (32 random bytes "
                    + "in base64, or the path of a file holding them, e.g. `openssl rand -base64 32`) to protect what it "
                    + "holds about clients; it will not start without one");
        }
        String text = value.trim();
        // Base64 may itself begin with '/', so the value is a key when it decodes to one, and a file path otherwise.
        byte[] direct = decode(text);
        if (direct != null && direct.length == FieldCipher.KEY_BYTES) return direct;
        if (direct == null || text.startsWith("/") || text.startsWith(".")) {
            Path file = Path.of(text);
            if (Files.isRegularFile(file)) {
                try {
                    text = Files.readString(file).trim();
                } catch (IOException e) {
                    throw new IllegalStateException(variable + " names the file " + file + ", which cannot be read", e);
                }
            } else if (direct == null && (text.startsWith("/") || text.startsWith("."))) {
                throw new IllegalStateException(variable + " names the file " + file + ", which cannot be read");
            }
        }
        byte[] k = decode(text);
        if (k == null) {
            throw new IllegalStateException(variable + " is not base64 (expected 32 random bytes in base64)");
        }
        if (k.length != FieldCipher.KEY_BYTES) {
            throw new IllegalStateException(variable + " must be 32 bytes (256 bits) in base64; it is " + k.length + " bytes");
        }
        return k;
    }

    private static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
