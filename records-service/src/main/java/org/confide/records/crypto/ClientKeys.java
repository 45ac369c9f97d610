package org.confide.records.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-client data keys (ARCHITECTURE.md): each client's identity and note bodies are sealed with a key of its own,
 * stored only wrapped by the master key, and only in the {@link KeyVault} (never in the records database). Destroying
 * it there (R-REC-3 retention) makes every ciphertext of that client unreadable, in backups too.
 */
@ApplicationScoped
public class ClientKeys {

    @Inject
    MasterKey master;

    @Inject
    KeyVault vault;

    /** A fresh data key for a new client, stored in the vault at once (before the client row commits). */
    public void create(UUID clientId) {
        vault.create(clientId);
    }

    /** R-REC-3: destroys the client's key in the vault; every ciphertext of the client is unreadable from now on. */
    public void destroy(UUID clientId) {
        vault.destroy(clientId);
    }

    public byte[] seal(UUID clientId, String field, String plaintext) {
        if (plaintext == null) return null;
        return FieldCipher.seal(key(clientId), plaintext.getBytes(StandardCharsets.UTF_8),
                context(clientId, field));
    }

    /** The plaintext, or {@link FieldCipher.Unreadable} once the client's key is destroyed. */
    public String open(UUID clientId, String field, byte[] stored) {
        if (stored == null) return null;
        return new String(FieldCipher.open(key(clientId), stored, context(clientId, field)),
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

    private byte[] key(UUID clientId) {
        return vault.find(clientId).orElseThrow(() -> new FieldCipher.Unreadable("the client's key has been destroyed"));
    }

    private static String context(UUID clientId, String field) {
        return "confide-records/" + clientId + "/" + field;
    }
}
