package org.confide.platform.crypto;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.confide.platform.config.SecretBytes;

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
            throw new IllegalStateException(
                    variable + " is not set: this service needs its master key (32 random bytes "
                            + "in base64, or the path of a file holding them, e.g. `openssl rand -base64 32`) to protect what it "
                            + "holds about clients; it will not start without one");
        }
        byte[] k = SecretBytes.base64OrFile(variable, value, n -> n == FieldCipher.KEY_BYTES);
        if (k == null) {
            throw new IllegalStateException(variable + " is not base64 (expected 32 random bytes in base64)");
        }
        if (k.length != FieldCipher.KEY_BYTES) {
            throw new IllegalStateException(
                    variable + " must be 32 bytes (256 bits) in base64; it is " + k.length + " bytes");
        }
        return k;
    }
}
