package org.confide.auditlog.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import org.confide.auditlog.checkpoint.CheckpointText;
import org.confide.auditlog.checkpoint.Cosignature;
import org.confide.auditlog.checkpoint.Ed25519Keys;
import org.confide.auditlog.checkpoint.SignedNote;
import org.confide.auditlog.jcs.Jcs;
import org.confide.auditlog.jcs.Json;
import org.confide.auditlog.proof.ConsistencyProof;
import org.confide.auditlog.tree.MerkleTree;

/**
 * A witness (C2SP tlog-witness): {@code POST /add-checkpoint} accepts a log's checkpoint only when a trusted key of
 * its origin signed it and a consistency proof leads from the last checkpoint it cosigned for that origin, and answers
 * a C2SP tlog-cosignature (Ed25519, type 0x04); {@code GET /<sha256(origin) hex>/checkpoint} serves the last one it
 * cosigned, with the log's signature and its own. Plain JDK; its state (per origin: size, root, cosigned checkpoint)
 * is one JSON file, written before it answers. Two organisations can run one each and witness each other's logs.
 *
 * <pre>
 * witness --key FILE --state FILE [--name NAME] [--listen HOST:PORT] [--log VKEY]... [--logs FILE]
 * witness --print-key --key FILE [--name NAME]
 *   --key     the witness's signing key, made (mode 0600) when missing, under --name
 *   --state   the witness's state file (made when missing)
 *   --listen  default 127.0.0.1:8090
 *   --log     a log key it trusts: the verifier key confide/ORG+KEYID+KEY of GET /audit/keys (repeat: several logs,
 *             or the keys of one log's rotation)
 *   --logs    a file of such keys, one a line, read again when it changes
 * </pre>
 */
public final class Witness {

    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_PROOF = 63;

    private final String name;
    private final KeyPair key;
    private final Path state;
    private final List<String> logArgs;
    private final Path logsFile;
    private final PrintStream log;
    private final Map<String, Cosigned> cosigned = new TreeMap<>();
    private HttpServer server;
    private FileTime logsStamp;
    private List<SignedNote.VerifierKey> logsFromFile = List.of();

    /** The latest checkpoint cosigned for an origin. */
    private record Cosigned(long size, byte[] root, String checkpoint) {}

    private Witness(String name, KeyPair key, Path state, List<String> logArgs, Path logsFile, PrintStream log)
            throws IOException {
        this.name = name;
        this.key = key;
        this.state = state;
        this.logArgs = List.copyOf(logArgs);
        this.logsFile = logsFile;
        this.log = log;
        load();
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the witness until the process ends; returns only on bad usage (2). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, List<String>> o = options(args, err);
        if (o == null) return 2;
        try {
            if (!o.containsKey("key")) return usage(err, "--key is required");
            Path keyFile = Path.of(o.get("key").getFirst());
            String name = o.containsKey("name") ? o.get("name").getFirst() : null;
            Object[] k = readOrMakeKey(keyFile, name, err);
            if (o.containsKey("print-key")) {
                out.println(Cosignature.witnessKey((String) k[0], Ed25519Keys.raw(((KeyPair) k[1]).getPublic()))
                        .encoded());
                return 0;
            }
            if (!o.containsKey("state")) return usage(err, "--state is required");
            String listen = o.containsKey("listen") ? o.get("listen").getFirst() : "127.0.0.1:8090";
            int colon = listen.lastIndexOf(':');
            Witness w = start(
                    (String) k[0],
                    (KeyPair) k[1],
                    Path.of(o.get("state").getFirst()),
                    o.getOrDefault("log", List.of()),
                    o.containsKey("logs") ? Path.of(o.get("logs").getFirst()) : null,
                    new InetSocketAddress(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1))),
                    err);
            out.println("witness " + w.verifierKey() + " listening on http://" + listen);
            out.flush();
            Thread.currentThread().join();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("witness: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Starts a witness on {@code address} (port 0: any free port). */
    public static Witness start(
            String name,
            KeyPair key,
            Path state,
            List<String> logKeys,
            Path logsFile,
            InetSocketAddress address,
            PrintStream log)
            throws IOException {
        Witness w = new Witness(name, key, state, logKeys, logsFile, log);
        w.trusted(); // refuses a bad --log at start
        w.server = HttpServer.create(address, 0);
        w.server.createContext("/", w::handle);
        w.server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "witness");
            t.setDaemon(true);
            return t;
        }));
        w.server.start();
        return w;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    /** The witness's verifier key, {@code <name>+<key id>+<base64(0x04 ‖ key)>}. */
    public String verifierKey() {
        return Cosignature.witnessKey(name, Ed25519Keys.raw(key.getPublic())).encoded();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            if (path.equals("/add-checkpoint")) {
                if (!x.getRequestMethod().equals("POST")) {
                    reply(x, 405, "text/plain; charset=utf-8", "POST only\n");
                    return;
                }
                byte[] body = readBody(x.getRequestBody());
                Answer a = body == null
                        ? new Answer(413, "text/plain; charset=utf-8", "request too large\n")
                        : addCheckpoint(new String(body, StandardCharsets.UTF_8));
                reply(x, a.status(), a.type(), a.body());
            } else if (path.matches("/[0-9a-f]{64}/checkpoint")
                    && x.getRequestMethod().equals("GET")) {
                String hash = path.substring(1, 65);
                Cosigned c;
                synchronized (this) {
                    c = cosigned.entrySet().stream()
                            .filter(e -> HEX.formatHex(sha256(e.getKey())).equals(hash))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElse(null);
                }
                if (c == null) {
                    reply(x, 404, "text/plain; charset=utf-8", "no checkpoint cosigned for that origin\n");
                } else {
                    reply(x, 200, "text/plain; charset=utf-8", c.checkpoint());
                }
            } else {
                reply(x, 404, "text/plain; charset=utf-8", "not found\n");
            }
        } catch (RuntimeException e) {
            log.println("witness: " + e);
        }
    }

    /** An HTTP answer. */
    record Answer(int status, String type, String body) {}

    private static Answer text(int status, String message) {
        return new Answer(status, "text/plain; charset=utf-8", message + "\n");
    }

    /** C2SP tlog-witness add-checkpoint, every check in the order the spec gives. */
    Answer addCheckpoint(String body) throws IOException {
        int blank = body.indexOf("\n\n");
        if (blank < 0) return text(400, "the body is an old size line, proof lines, a blank line and a checkpoint");
        String[] head = body.substring(0, blank).split("\n", -1);
        String note = body.substring(blank + 2);
        if (!head[0].matches("old (0|[1-9][0-9]{0,18})")) return text(400, "the first line reads old <size>");
        long old = Long.parseLong(head[0].substring(4));
        if (head.length - 1 > MAX_PROOF) return text(400, "more than 63 proof lines");
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < head.length; i++) {
            byte[] h;
            try {
                h = Base64.getDecoder().decode(head[i]);
            } catch (IllegalArgumentException e) {
                return text(400, "proof line " + i + " is not base64");
            }
            if (h.length != MerkleTree.HASH_BYTES) return text(400, "proof line " + i + " is not a 32-byte hash");
            proof.add(h);
        }
        int split = note.indexOf("\n\n");
        CheckpointText cp = split < 0 ? null : CheckpointText.parse(note.substring(0, split + 1));
        if (cp == null) return text(400, "not a checkpoint");
        List<SignedNote.VerifierKey> keys =
                trusted().stream().filter(k -> k.name().equals(cp.origin())).toList();
        if (keys.isEmpty()) return text(404, "unknown log " + cp.origin());
        if (keys.stream().noneMatch(k -> SignedNote.open(note, k) != null)) {
            log.println("witness: refused " + cp.origin() + " size " + cp.treeSize() + ": not signed by a trusted key");
            return text(403, "not signed by a trusted key of " + cp.origin());
        }
        if (old > cp.treeSize()) return text(400, "old size " + old + " is above the checkpoint's " + cp.treeSize());
        String text = note.substring(0, split + 1);
        synchronized (this) {
            Cosigned last = cosigned.get(cp.origin());
            long lastSize = last == null ? 0 : last.size();
            if (old != lastSize) {
                return new Answer(409, "text/x.tlog.size", lastSize + "\n");
            }
            String refused = null;
            if (cp.treeSize() == 0 && !MessageDigest.isEqual(cp.rootHash(), MerkleTree.emptyRoot())) {
                refused = "a checkpoint of size 0 has the empty tree's root";
            } else if (old == 0 && !proof.isEmpty()) {
                refused = "a proof from size 0 is empty";
            } else if (old != 0 && !ConsistencyProof.verify(old, cp.treeSize(), last.root(), cp.rootHash(), proof)) {
                refused = "no consistency from the checkpoint of size " + old + " it cosigned (root "
                        + Base64.getEncoder().encodeToString(last.root()) + ") to this one";
            }
            if (refused != null) {
                // Evidence of a log that rewrote its history: kept in the witness's log, never cosigned.
                log.println(
                        "witness: refused " + cp.origin() + " size " + cp.treeSize() + ": " + refused + "\n" + note);
                return text(422, refused);
            }
            String line = Cosignature.sign(name, key, Math.max(1, Instant.now().getEpochSecond()), text);
            cosigned.put(cp.origin(), new Cosigned(cp.treeSize(), cp.rootHash(), note + line));
            save();
            return new Answer(200, "text/plain; charset=utf-8", line);
        }
    }

    /** The log keys this witness trusts: --log options and the --logs file (read again when it changed). */
    private synchronized List<SignedNote.VerifierKey> trusted() throws IOException {
        List<SignedNote.VerifierKey> out = new ArrayList<>();
        for (String k : logArgs) out.add(SignedNote.parseVerifierKey(k));
        if (logsFile != null && Files.exists(logsFile)) {
            FileTime stamp = Files.getLastModifiedTime(logsFile);
            if (!stamp.equals(logsStamp)) {
                List<SignedNote.VerifierKey> read = new ArrayList<>();
                for (String line : Files.readAllLines(logsFile, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.strip().startsWith("#")) read.add(SignedNote.parseVerifierKey(line));
                }
                logsFromFile = read;
                logsStamp = stamp;
            }
            out.addAll(logsFromFile);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private void load() throws IOException {
        if (!Files.exists(state)) return;
        Object v = Json.parse(Files.readString(state, StandardCharsets.UTF_8));
        Map<String, Object> logs = (Map<String, Object>) ((Map<String, Object>) v).get("logs");
        for (Map.Entry<String, Object> e : logs.entrySet()) {
            Map<String, Object> l = (Map<String, Object>) e.getValue();
            cosigned.put(
                    e.getKey(),
                    new Cosigned(
                            ((BigDecimal) l.get("size")).longValueExact(),
                            Base64.getDecoder().decode((String) l.get("root")),
                            (String) l.get("checkpoint")));
        }
    }

    /** Written whole to a new file, then moved over the old one: a crash leaves the old state or the new. */
    private void save() throws IOException {
        Map<String, Object> logs = new LinkedHashMap<>();
        for (Map.Entry<String, Cosigned> e : cosigned.entrySet()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("size", e.getValue().size());
            l.put("root", Base64.getEncoder().encodeToString(e.getValue().root()));
            l.put("checkpoint", e.getValue().checkpoint());
            logs.put(e.getKey(), l);
        }
        Path dir = state.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".witness-state", ".tmp");
        Files.writeString(tmp, Jcs.canonicalize(Map.of("logs", logs)) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** {name, key pair} of the key file; made under {@code name} (owner read/write only) when missing. */
    static Object[] readOrMakeKey(Path file, String name, PrintStream err) throws IOException {
        if (!Files.exists(file)) {
            if (name == null) throw new IllegalArgumentException("no key at " + file + ": give --name to make one");
            if (!SignedNote.validName(name)) throw new IllegalArgumentException("not a key name: " + name);
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".witness-key", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                err.println("witness: the file system has no POSIX permissions: protect " + file + " by other means");
            }
            Files.writeString(tmp, Cosignature.signerKey(name, Ed25519Keys.newSeed()) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            err.println("witness: made a new witness key at " + file);
        }
        Object[] k = Cosignature.parseSignerKey(Files.readString(file, StandardCharsets.UTF_8));
        if (name != null && !name.equals(k[0])) {
            throw new IllegalArgumentException("the key at " + file + " is named " + k[0] + ", not " + name);
        }
        return new Object[] {k[0], Ed25519Keys.fromSeed((byte[]) k[1])};
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_BODY + 1);
        return b.length > MAX_BODY ? null : b;
    }

    private static void reply(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** --name value, --flag (no value: print-key); repeated options keep every value. */
    static Map<String, List<String>> options(String[] args, PrintStream err) {
        Map<String, List<String>> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                usage(err, "unexpected " + a);
                return null;
            }
            String k = a.substring(2);
            if (k.equals("print-key")) {
                o.computeIfAbsent(k, x -> new ArrayList<>()).add("");
            } else if (i + 1 < args.length) {
                o.computeIfAbsent(k, x -> new ArrayList<>()).add(args[++i]);
            } else {
                usage(err, a + " needs a value");
                return null;
            }
        }
        return o;
    }

    private static int usage(PrintStream err, String why) {
        err.println("witness: " + why);
        err.println(
                "usage: witness --key FILE --state FILE [--name NAME] [--listen HOST:PORT] [--log VKEY]... [--logs FILE]");
        err.println("       witness --print-key --key FILE [--name NAME]");
        return 2;
    }
}
