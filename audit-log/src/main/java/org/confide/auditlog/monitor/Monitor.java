package org.confide.auditlog.monitor;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.confide.auditlog.checkpoint.CheckpointText;
import org.confide.auditlog.checkpoint.SignedNote;
import org.confide.auditlog.jcs.Jcs;
import org.confide.auditlog.jcs.Json;
import org.confide.auditlog.proof.ConsistencyProof;

/**
 * A monitor of Confide audit logs: keeps the last checkpoint it verified per organisation in its state file, fetches
 * the newest, checks its signature with the keys it trusts (in the order they take over: a retired key never signs
 * again) and that it extends the kept one (a consistency proof from GET /audit/checkpoints/consistency, checked here
 * against the kept root), then keeps the new one. A fork or a rewrite (smaller size, same size with another root, no
 * valid proof) exits 1 and prints the evidence: both signed checkpoints and the proof. Plain JDK.
 *
 * <pre>
 * monitor --url URL --org ORG --token TOKEN|@FILE --key VKEY... --state FILE [--evidence FILE]
 *   --url    audit-service, e.g. http://127.0.0.1:8084
 *   --token  a compliance token of ORG (or @FILE holding one)
 *   --key    a trusted log key confide/ORG+KEYID+KEY, in the order the keys take over (GET /audit/keys)
 *   --state  the monitor's state file (made when missing; one entry per organisation)
 * </pre>
 * Exit status: 0 the log is consistent with what was seen before (or seen for the first time), 1 a fork, a rewrite or
 * a bad signature (evidence printed), 2 bad usage or the log could not be read.
 */
public final class Monitor {

    private static final HexFormat HEX = HexFormat.of();

    private Monitor() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, List<String>> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) return usage(err, "bad argument " + args[i]);
            o.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
        for (String required : List.of("url", "org", "token", "key", "state")) {
            if (!o.containsKey(required)) return usage(err, "--" + required + " is required");
        }
        try {
            String token = o.get("token").getFirst();
            if (token.startsWith("@"))
                token = Files.readString(Path.of(token.substring(1))).strip();
            List<SignedNote.VerifierKey> keys = new ArrayList<>();
            for (String k : o.get("key")) keys.add(SignedNote.parseVerifierKey(k));
            Path evidence =
                    o.containsKey("evidence") ? Path.of(o.get("evidence").getFirst()) : null;
            return check(
                    o.get("url").getFirst().replaceAll("/+$", ""),
                    o.get("org").getFirst(),
                    token,
                    keys,
                    Path.of(o.get("state").getFirst()),
                    evidence,
                    out);
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            err.println("monitor: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static int check(
            String url,
            String org,
            String token,
            List<SignedNote.VerifierKey> keys,
            Path statePath,
            Path evidence,
            PrintStream out)
            throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, Object> latest = object(get(http, url + "/audit/checkpoints/latest", token));
        String note = (String) latest.get("note");
        String origin = CheckpointText.origin(org);
        int keyIndex = -1;
        String text = null;
        for (int i = keys.size() - 1; i >= 0 && text == null; i--) {
            if (!keys.get(i).name().equals(origin)) continue;
            text = SignedNote.open(note, keys.get(i));
            if (text != null) keyIndex = i;
        }
        Map<String, Object> state = readState(statePath);
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = (Map<String, Object>) state.get(origin);
        if (text == null) {
            return fail(
                    out,
                    evidence,
                    "the newest checkpoint of " + origin + " is not signed by a trusted key",
                    kept,
                    note,
                    null);
        }
        CheckpointText cp = CheckpointText.parse(text);
        if (cp == null || !cp.origin().equals(origin)) {
            return fail(out, evidence, "the newest checkpoint is not a checkpoint of " + origin, kept, note, null);
        }
        if (kept != null) {
            long oldSize = ((BigDecimal) kept.get("size")).longValueExact();
            byte[] oldRoot = Base64.getDecoder().decode((String) kept.get("root"));
            int oldKey = ((BigDecimal) kept.get("keyIndex")).intValueExact();
            if (keyIndex < oldKey) {
                return fail(
                        out,
                        evidence,
                        "checkpoint " + cp.treeSize() + " is signed with a key retired before the key of"
                                + " the checkpoint seen before",
                        kept,
                        note,
                        null);
            }
            if (cp.treeSize() < oldSize) {
                return fail(
                        out,
                        evidence,
                        "the log shrank from " + oldSize + " to " + cp.treeSize() + " entries: a rewrite",
                        kept,
                        note,
                        null);
            }
            if (cp.treeSize() == oldSize) {
                if (!java.security.MessageDigest.isEqual(oldRoot, cp.rootHash())) {
                    return fail(
                            out,
                            evidence,
                            "two checkpoints of size " + oldSize + " with different roots: a fork",
                            kept,
                            note,
                            null);
                }
                out.println("OK " + origin + " unchanged at size " + oldSize);
                return 0;
            }
            String proofJson =
                    get(http, url + "/audit/checkpoints/consistency?from=" + oldSize + "&to=" + cp.treeSize(), token);
            List<byte[]> proof = new ArrayList<>();
            for (Object h : (List<?>) object(proofJson).get("hashes")) proof.add(HEX.parseHex((String) h));
            if (!ConsistencyProof.verify(oldSize, cp.treeSize(), oldRoot, cp.rootHash(), proof)) {
                return fail(
                        out,
                        evidence,
                        "checkpoint " + cp.treeSize() + " does not extend checkpoint " + oldSize
                                + " seen before: no consistency proof leads from one to the other (the log was rewritten)",
                        kept,
                        note,
                        proofJson);
            }
            out.println("OK " + origin + " grew from " + oldSize + " to " + cp.treeSize() + " consistently");
        } else {
            out.println("OK " + origin + " first seen at size " + cp.treeSize()
                    + " (kept: later checkpoints must extend it)");
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("size", cp.treeSize());
        entry.put("root", Base64.getEncoder().encodeToString(cp.rootHash()));
        entry.put("keyIndex", keyIndex);
        entry.put("checkpoint", note);
        state.put(origin, entry);
        writeState(statePath, state);
        return 0;
    }

    private static int fail(
            PrintStream out, Path evidence, String why, Map<String, Object> kept, String newNote, String proof)
            throws IOException {
        StringBuilder sb = new StringBuilder("FAIL " + why + "\n");
        if (kept != null) sb.append("--- checkpoint seen before ---\n").append(kept.get("checkpoint"));
        sb.append("--- newest checkpoint ---\n").append(newNote);
        if (proof != null)
            sb.append("--- consistency proof served ---\n").append(proof).append('\n');
        out.print(sb);
        if (evidence != null) Files.writeString(evidence, sb.toString(), StandardCharsets.UTF_8);
        return 1;
    }

    private static String get(HttpClient http, String url, String token) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (resp.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + resp.statusCode() + ": " + resp.body());
        }
        return resp.body();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readState(Path file) throws IOException {
        if (!Files.exists(file)) return new TreeMap<>();
        return new TreeMap<>((Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8)));
    }

    private static void writeState(Path file, Map<String, Object> state) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".monitor-state", ".tmp");
        Files.writeString(tmp, Jcs.canonicalize(state) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String json) {
        return (Map<String, Object>) Json.parse(json);
    }

    private static int usage(PrintStream err, String why) {
        err.println("monitor: " + why);
        err.println(
                "usage: monitor --url URL --org ORG --token TOKEN|@FILE --key VKEY... --state FILE [--evidence FILE]");
        return 2;
    }
}
