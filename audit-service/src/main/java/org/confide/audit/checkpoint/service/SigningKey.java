package org.confide.audit.checkpoint.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.confide.audit.checkpoint.rule.CheckpointText;
import org.confide.audit.checkpoint.rule.Ed25519Keys;
import org.confide.audit.checkpoint.rule.SignedNote;
import org.confide.audit.config.AuditConfig;
import org.jboss.logging.Logger;

/**
 * The Ed25519 key that signs checkpoints (ARCHITECTURE.md "Data": kept outside the database). Read from the
 * file at {@code confide.audit.signing-key}; made there on first start. Each organisation's checkpoints are
 * signed under the key name {@code confide/<org>}, their origin, so the public key is published per origin.
 */
@ApplicationScoped
public class SigningKey {

    private static final Logger LOG = Logger.getLogger(SigningKey.class);
    private static final String FILE_KEY_NAME = "confide-audit";

    @Inject
    AuditConfig config;

    private volatile KeyPair pair;

    void load(@Observes @Priority(1) StartupEvent event) {
        pair();
    }

    public KeyPair pair() {
        KeyPair p = pair;
        if (p == null) {
            synchronized (this) {
                if (pair == null) {
                    pair = Ed25519Keys.fromSeed(readOrCreate(Path.of(config.signingKey())));
                }
                p = pair;
            }
        }
        return p;
    }

    /** The verifier key of an organisation's checkpoints: {@code confide/<org>+<key id>+<key>}. */
    public SignedNote.VerifierKey verifierKey(String org) {
        return SignedNote.verifierKey(CheckpointText.origin(org), Ed25519Keys.raw(pair().getPublic()));
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return SignedNote.parseSignerKeySeed(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the audit signing key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".audit-signing", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.warn("the file system has no POSIX permissions: protect the audit signing key by other means");
            }
            Files.writeString(tmp, SignedNote.signerKey(FILE_KEY_NAME, Ed25519Keys.newSeed()) + "\n", StandardCharsets.UTF_8);
            // A hard link appears whole or not at all and never replaces a key another process made meanwhile:
            // checkpoints signed with that key must stay verifiable.
            Files.createLink(file, tmp);
            LOG.infof("made a new audit signing key at %s", file.toAbsolutePath());
        } catch (FileAlreadyExistsException e) {
            LOG.debugf("audit signing key %s made by another process", file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
