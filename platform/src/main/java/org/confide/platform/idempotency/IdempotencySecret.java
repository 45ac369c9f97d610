package org.confide.platform.idempotency;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.confide.platform.config.SecretBytes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's key for the request hash of an Idempotency-Key row (docs/api.md): a keyed hash, so that a copy of the
 * table cannot confirm a guessed body. {@code confide.idempotency.secret}: at least 32 bytes in base64, or the
 * path of a file holding that text; production requires it, dev and test use a fixed public one.
 */
@ApplicationScoped
public class IdempotencySecret {

    public static final String ENV = "CONFIDE_IDEMPOTENCY_SECRET";
    static final int MIN_BYTES = 32;

    @ConfigProperty(name = "confide.idempotency.secret")
    Optional<String> configured;

    private volatile SecretKeySpec key;

    /** A malformed secret stops the start; a service without idempotent routes (audit-service) sets none. */
    void onStart(@Observes StartupEvent ignored) {
        if (configured.isPresent()) key();
    }

    /** HMAC-SHA256 of the route and the request's parameters, separated so that no pair can pass for another. */
    public byte[] mac(String route, byte[] parameters) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            mac.update(route.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(parameters);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            k = new SecretKeySpec(load(configured.orElse(null)), "HmacSHA256");
            key = k;
        }
        return k;
    }

    static byte[] load(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    ENV + " is not set: the key of the Idempotency-Key request hashes (at least 32 "
                            + "random bytes in base64, or the path of a file holding them, e.g. `openssl rand -base64 32`)");
        }
        byte[] bytes = SecretBytes.base64OrFile(ENV, value, n -> n >= MIN_BYTES);
        if (bytes == null || bytes.length < MIN_BYTES) {
            throw new IllegalStateException(ENV + " must be at least " + MIN_BYTES
                    + " bytes in base64, or the path of a " + "file holding them");
        }
        return bytes;
    }
}
