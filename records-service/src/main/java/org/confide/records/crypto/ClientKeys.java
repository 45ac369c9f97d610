package org.confide.records.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-client data keys (ARCHITECTURE.md): each client's identity and note bodies are sealed with a key of its own,
 * stored only wrapped by the master key. Destroying the wrapped key (R-REC-3 retention) makes every ciphertext of
 * that client unreadable.
 */
@ApplicationScoped
public class ClientKeys {

    @Inject
    MasterKey master;

    /** A fresh data key for a new client, wrapped for storage. */
    public byte[] newWrappedKey(UUID clientId) {
        return FieldCipher.seal(master.bytes(), FieldCipher.newKey(), wrapContext(clientId));
    }

    public byte[] seal(UUID clientId, byte[] wrappedKey, String field, String plaintext) {
        if (plaintext == null) return null;
        return FieldCipher.seal(unwrap(clientId, wrappedKey), plaintext.getBytes(StandardCharsets.UTF_8),
                context(clientId, field));
    }

    /** The plaintext, or {@link FieldCipher.Unreadable} once the client's key is destroyed. */
    public String open(UUID clientId, byte[] wrappedKey, String field, byte[] stored) {
        if (stored == null) return null;
        return new String(FieldCipher.open(unwrap(clientId, wrappedKey), stored, context(clientId, field)),
                StandardCharsets.UTF_8);
    }

    /** R-CONF-2: a name for the client that is stable but reveals nothing (keyed HMAC of the id). */
    public String pseudonym(UUID clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master.derive("confide-records-pseudonym-v1"), "HmacSHA256"));
            byte[] h = mac.doFinal(clientId.toString().getBytes(StandardCharsets.UTF_8));
            return "C-" + java.util.HexFormat.of().withUpperCase().formatHex(h, 0, 6);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] unwrap(UUID clientId, byte[] wrappedKey) {
        if (wrappedKey == null) throw new FieldCipher.Unreadable("the client's key has been destroyed");
        return FieldCipher.open(master.bytes(), wrappedKey, wrapContext(clientId));
    }

    private static String wrapContext(UUID clientId) {
        return "confide-records/client-key/" + clientId;
    }

    private static String context(UUID clientId, String field) {
        return "confide-records/" + clientId + "/" + field;
    }
}
