package org.confide.records.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.confide.platform.crypto.FieldCipher;
import org.confide.platform.crypto.MasterKey;

/**
 * records-service's use of the platform's per-client keys (org.confide.platform.crypto): each client's identity and
 * note bodies are sealed with a key of its own, made when the client is registered; destroying it (R-REC-3 retention)
 * makes every ciphertext of that client unreadable, in backups too. Adds the client's pseudonym (R-CONF-2).
 */
@ApplicationScoped
public class ClientKeys {

    @Inject
    MasterKey master;

    @Inject
    org.confide.platform.crypto.ClientKeys keys;

    /** A fresh data key for a new client, stored in the vault at once (before the client row commits). */
    public void create(UUID clientId) {
        keys.create(clientId);
    }

    /** R-REC-3: destroys the client's key in the vault; every ciphertext of the client is unreadable from now on. */
    public void destroy(UUID clientId) {
        keys.destroy(clientId);
    }

    public byte[] seal(UUID clientId, String field, String plaintext) {
        return keys.seal(clientId, field, plaintext);
    }

    /** The plaintext, or {@link FieldCipher.Unreadable} once the client's key is destroyed. */
    public String open(UUID clientId, String field, byte[] stored) {
        return keys.open(clientId, field, stored);
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
}
