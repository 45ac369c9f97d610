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
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
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
 * <p>
 * Keys rotate (docs/api.md "A log others can check and witness"): the file holds one key a line, each
 * {@code [from=<RFC 3339 time>] PRIVATE+KEY+...}, or {@code [from=<time>] public=<base64 Ed25519 public key>} for a
 * retired key whose private half is gone. The key in use is the last one (by {@code from}; no {@code from}: the
 * start) whose time has come; the ones before it are retired and still trusted on older checkpoints. The file is read
 * again when it changes, so a key added with a future {@code from} takes over then, without a restart.
 */
@ApplicationScoped
public class SigningKey {

    private static final Logger LOG = Logger.getLogger(SigningKey.class);
    private static final String FILE_KEY_NAME = "confide-audit";

    @Inject
    AuditConfig config;

    /** One key of the file: its public half, its pair when the private half is there, and when it takes over. */
    public record Key(byte[] publicKey, KeyPair pair, Instant from) {

        /** The signed note's key hash of this key under an organisation's origin (hex), as checkpoints name it. */
        public String keyId(String org) {
            return HexFormat.of().formatHex(SignedNote.keyId(CheckpointText.origin(org), publicKey));
        }
    }

    /** The keys of the file in the order they take over, and the file's stamp when read. */
    private record Loaded(List<Key> keys, FileTime modified, long size) {}

    private volatile Loaded loaded;

    /** After the schema step, so that the migrate step (which exits there) needs no key. */
    void load(@Observes @Priority(DatabaseBootstrap.PRIORITY + 1) StartupEvent event) {
        pair();
    }

    /** The key pair that signs now. */
    public KeyPair pair() {
        return current(Instant.now()).pair();
    }

    /** The key in use at {@code now}: the last one whose time has come (the first key if none has). */
    public Key current(Instant now) {
        List<Key> all = keys();
        Key in = all.getFirst();
        for (Key k : all) {
            if (k.pair() != null && !k.from().isAfter(now)) in = k;
        }
        if (in.pair() == null) {
            throw new IllegalStateException("the audit signing key file " + config.signingKey()
                    + " holds no private key in use now: add a PRIVATE+KEY line");
        }
        return in;
    }

    /** Every key of the file, in the order they take over (read again when the file changed). */
    public List<Key> keys() {
        Path file = Path.of(config.signingKey());
        Loaded l = loaded;
        try {
            if (l != null && Files.exists(file)) {
                if (l.modified().equals(Files.getLastModifiedTime(file)) && l.size() == Files.size(file))
                    return l.keys();
            }
            synchronized (this) {
                readOrCreate(file, LaunchMode.current().isDevOrTest());
                FileTime modified = Files.getLastModifiedTime(file);
                long size = Files.size(file);
                List<Key> keys = parseKeys(Files.readString(file, StandardCharsets.UTF_8));
                loaded = new Loaded(keys, modified, size);
                return keys;
            }
        } catch (IOException e) {
            if (l != null) {
                LOG.warnf(
                        e, "cannot read the audit signing key file %s again; signing with the keys read before", file);
                return l.keys();
            }
            throw new UncheckedIOException("cannot read the audit signing key " + file, e);
        }
    }

    /** Parses the key file: one key a line, blank lines and lines starting with # ignored. */
    static List<Key> parseKeys(String text) {
        List<Key> keys = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            Instant from = Instant.MIN;
            String key = line;
            if (line.startsWith("from=")) {
                int space = line.indexOf(' ');
                if (space < 0) throw new IllegalArgumentException("a key line reads [from=<time>] <key>");
                try {
                    from = Instant.parse(line.substring(5, space));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("from= must be an RFC 3339 UTC time, e.g. 2026-12-03T12:00:00Z");
                }
                key = line.substring(space + 1).strip();
            }
            if (key.startsWith("public=")) {
                byte[] pub = Base64.getDecoder().decode(key.substring(7));
                Ed25519Keys.publicKey(pub); // refuses anything that is not an Ed25519 public key
                keys.add(new Key(pub, null, from));
            } else {
                KeyPair pair = Ed25519Keys.fromSeed(SignedNote.parseSignerKeySeed(key));
                keys.add(new Key(Ed25519Keys.raw(pair.getPublic()), pair, from));
            }
        }
        if (keys.isEmpty()) throw new IllegalArgumentException("the audit signing key file holds no key");
        // Stable: keys of the same time keep the file's order.
        keys.sort(java.util.Comparator.comparing(Key::from));
        return List.copyOf(keys);
    }

    /** The verifier key of an organisation's checkpoints: {@code confide/<org>+<key id>+<key>}. */
    public SignedNote.VerifierKey verifierKey(String org) {
        return SignedNote.verifierKey(CheckpointText.origin(org), Ed25519Keys.raw(pair().getPublic()));
    }

    /**
     * The raw public keys this service accepts on its checkpoints and verify records, in the order they take over:
     * every key of the file, retired ones included (the database is never asked which keys to trust).
     */
    public List<byte[]> trustedPublicKeys() {
        return keys().stream().map(Key::publicKey).toList();
    }

    /** The verifier keys of an organisation's checkpoints for every trusted key. */
    public java.util.List<SignedNote.VerifierKey> trustedVerifierKeys(String org) {
        return trustedPublicKeys().stream()
                .map(k -> SignedNote.verifierKey(CheckpointText.origin(org), k))
                .toList();
    }

    static byte[] readOrCreate(Path file, boolean mayCreate) {
        try {
            if (!Files.exists(file)) {
                if (!mayCreate) {
                    throw new IllegalStateException(
                            "the audit signing key " + file.toAbsolutePath() + " does not exist:"
                                    + " set CONFIDE_AUDIT_SIGNING_KEY to the file holding it (deploy/audit-signing-key.sh makes one;"
                                    + " a production start never makes its own)");
                }
                create(file);
            }
            // The first signing key of the file (a key file made here holds just one).
            for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (t.startsWith("from=") && t.indexOf(' ') > 0)
                    t = t.substring(t.indexOf(' ') + 1).strip();
                if (t.startsWith("PRIVATE+KEY+")) return SignedNote.parseSignerKeySeed(t);
            }
            throw new IllegalStateException("the audit signing key file " + file + " holds no PRIVATE+KEY line");
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
            Files.writeString(
                    tmp, SignedNote.signerKey(FILE_KEY_NAME, Ed25519Keys.newSeed()) + "\n", StandardCharsets.UTF_8);
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
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }
}
