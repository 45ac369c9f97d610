package org.confide.audit.checkpoint.service;

import io.quarkus.runtime.LaunchMode;
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
import org.confide.audit.config.AuditConfig;
import org.confide.auditlog.checkpoint.CheckpointText;
import org.confide.auditlog.checkpoint.Ed25519Keys;
import org.confide.auditlog.checkpoint.SignedNote;
import org.confide.platform.db.DatabaseBootstrap;
import org.jboss.logging.Logger;

/**
 * The Ed25519 key that signs checkpoints (docs/architecture.md "Data": kept outside the database). Read from the
 * file at {@code confide.audit.signing-key}. A production start without it stops and names it (a key made on the fly
 * would sign under a public key nobody published); only dev mode and tests make a missing one, readable by its owner
 * only. Each organisation's checkpoints are signed under the key name {@code confide/<org>}, their origin, so the
 * public key is published per origin.
 */
@ApplicationScoped
public class SigningKey {

    private static final Logger LOG = Logger.getLogger(SigningKey.class);
    private static final String FILE_KEY_NAME = "confide-audit";

    @Inject
    AuditConfig config;

    private volatile KeyPair pair;

    /** After the schema step, so that the migrate step (which exits there) needs no key. */
    void load(@Observes @Priority(DatabaseBootstrap.PRIORITY + 1) StartupEvent event) {
        pair();
    }

    public KeyPair pair() {
        KeyPair p = pair;
        if (p == null) {
            synchronized (this) {
                if (pair == null) {
                    pair = Ed25519Keys.fromSeed(readOrCreate(Path.of(config.signingKey()), LaunchMode.current().isDevOrTest()));
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

    /** The raw public keys this service accepts on its checkpoints and verify records: the signing key's. */
    public java.util.List<byte[]> trustedPublicKeys() {
        return java.util.List.of(Ed25519Keys.raw(pair().getPublic()));
    }

    /** The verifier keys of an organisation's checkpoints for every trusted key. */
    public java.util.List<SignedNote.VerifierKey> trustedVerifierKeys(String org) {
        return trustedPublicKeys().stream().map(k -> SignedNote.verifierKey(CheckpointText.origin(org), k)).toList();
    }

    static byte[] readOrCreate(Path file, boolean mayCreate) {
        try {
            if (!Files.exists(file)) {
                if (!mayCreate) {
                    throw new IllegalStateException("the audit signing key " + file.toAbsolutePath() + " does not exist:"
                            + " set CONFIDE_AUDIT_SIGNING_KEY to the file holding it (deploy/audit-signing-key.sh makes one;"
                            + " a production start never makes its own)");
                }
                create(file);
            }
            return SignedNote.parseSignerKeySeed(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the audit signing key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            createPrivateDirectories(dir);
        }
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

    /** The key's folder, made for its owner alone (rwx------) where the file system has POSIX permissions. */
    private static void createPrivateDirectories(Path dir) throws IOException {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }
}
