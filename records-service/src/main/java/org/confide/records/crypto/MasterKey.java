package org.confide.records.crypto;

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
import org.confide.records.config.RecordsConfig;

/**
 * The master key that wraps every client's data key (ARCHITECTURE.md, crypto-shredding). Taken from
 * {@code confide.records.master-key}: 32 bytes in base64, or the path of a file holding that text (as Compose and
 * Kubernetes mount secrets). Without it the service refuses to start.
 */
@ApplicationScoped
public class MasterKey {

    public static final String ENV = "CONFIDE_RECORDS_MASTER_KEY";

    @Inject
    RecordsConfig config;

    private volatile byte[] key;

    void onStart(@Observes StartupEvent ignored) {
        bytes();
    }

    byte[] bytes() {
        byte[] k = key;
        if (k == null) {
            k = load(config.masterKey().orElse(null));
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

    static byte[] load(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(ENV + " is not set: records-service needs its master key (32 random bytes in "
                    + "base64, or the path of a file holding them, e.g. `openssl rand -base64 32`) to protect client "
                    + "identities and notes; it will not start without one");
        }
        String text = value.trim();
        Path file = text.startsWith("/") || text.startsWith(".") ? Path.of(text) : null;
        if (file != null) {
            try {
                text = Files.readString(file).trim();
            } catch (IOException e) {
                throw new IllegalStateException(ENV + " names the file " + file + ", which cannot be read", e);
            }
        }
        byte[] k;
        try {
            k = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(ENV + " is not base64 (expected 32 random bytes in base64)");
        }
        if (k.length != FieldCipher.KEY_BYTES) {
            throw new IllegalStateException(ENV + " must be 32 bytes (256 bits) in base64; it is " + k.length + " bytes");
        }
        return k;
    }
}
