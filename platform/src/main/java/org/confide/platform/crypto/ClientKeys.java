package org.confide.platform.crypto;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Per-client data keys (docs/architecture.md): what a service holds about a client in free text is sealed with a key of
 * the client's own, stored only wrapped by the master key, and only in the {@link KeyVault} (never in the service's
 * database). Destroying it there (R-REC-3) makes every ciphertext of that client unreadable, in backups too.
 */
@ApplicationScoped
@IfBuildProperty(name = "confide.crypto.enabled", stringValue = "true")
public class ClientKeys {

    @Inject
    KeyVault vault;

    @Inject
    CryptoConfig config;

    /** A fresh data key for a new client, stored in the vault at once (before the client row commits). */
    public void create(UUID clientId) {
        vault.create(clientId);
    }

    /** R-REC-3: destroys the client's key in the vault; every ciphertext of the client is unreadable from now on. */
    public void destroy(UUID clientId) {
        vault.destroy(clientId);
    }

    /** Seals with the client's key, which must exist ({@link #create}). */
    public byte[] seal(UUID clientId, String field, String plaintext) {
        if (plaintext == null) return null;
        return FieldCipher.seal(key(clientId), plaintext.getBytes(StandardCharsets.UTF_8), context(clientId, field));
    }

    /**
     * Seals with the client's key, made now if the client has none yet; {@link KeyVault.Destroyed} for a destroyed
     * client (a service that learns of its clients from events).
     */
    public byte[] sealMakingKey(UUID clientId, String field, String plaintext) {
        if (plaintext == null) return null;
        return FieldCipher.seal(
                vault.ensure(clientId), plaintext.getBytes(StandardCharsets.UTF_8), context(clientId, field));
    }

    /** The plaintext, or {@link FieldCipher.Unreadable} once the client's key is destroyed. */
    public String open(UUID clientId, String field, byte[] stored) {
        if (stored == null) return null;
        return new String(FieldCipher.open(key(clientId), stored, context(clientId, field)), StandardCharsets.UTF_8);
    }

    private byte[] key(UUID clientId) {
        return vault.find(clientId)
                .orElseThrow(() -> new FieldCipher.Unreadable("the client's key has been destroyed"));
    }

    private String context(UUID clientId, String field) {
        return config.context() + "/" + clientId + "/" + field;
    }
}
