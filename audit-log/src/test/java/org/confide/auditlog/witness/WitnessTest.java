package org.confide.auditlog.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.confide.auditlog.checkpoint.CheckpointText;
import org.confide.auditlog.checkpoint.Cosignature;
import org.confide.auditlog.checkpoint.Ed25519Keys;
import org.confide.auditlog.checkpoint.SignedNote;
import org.confide.auditlog.proof.ConsistencyProof;
import org.confide.auditlog.tree.MerkleTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C2SP tlog-witness add-checkpoint against a running witness, over HTTP, with a log kept in memory. */
class WitnessTest {

    private static final String ORIGIN = "confide/org-w";
    private static final KeyPair LOG_KEY = Ed25519Keys.fromSeed(new byte[32]);
    private static final KeyPair WITNESS_KEY = Ed25519Keys.fromSeed(filled(9));

    @TempDir
    Path dir;

    private Witness witness;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<byte[]> leaves = new ArrayList<>();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

    private static byte[] filled(int v) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    @BeforeEach
    void start() throws Exception {
        for (int i = 0; i < 20; i++) leaves.add(MerkleTree.leafHash(new byte[] {(byte) i}));
        witness = startWitness();
    }

    private Witness startWitness() throws Exception {
        String logKey = SignedNote.verifierKey(ORIGIN, Ed25519Keys.raw(LOG_KEY.getPublic()))
                .encoded();
        return Witness.start(
                "witness.example/w1",
                WITNESS_KEY,
                dir.resolve("state.json"),
                List.of(logKey),
                null,
                new InetSocketAddress("127.0.0.1", 0),
                new PrintStream(logged, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        witness.stop();
    }

    private String checkpoint(List<byte[]> tree, int size, KeyPair key, String origin) {
        return SignedNote.sign(
                new CheckpointText(origin, size, MerkleTree.root(tree.subList(0, size))).text(), origin, key);
    }

    private String body(long old, List<byte[]> proof, String checkpoint) {
        StringBuilder sb = new StringBuilder("old " + old + "\n");
        for (byte[] h : proof) sb.append(Base64.getEncoder().encodeToString(h)).append('\n');
        return sb.append('\n').append(checkpoint).toString();
    }

    private HttpResponse<String> add(String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + witness.port() + "/add-checkpoint"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<byte[]> proof(List<byte[]> tree, int from, int to) {
        return ConsistencyProof.path(from, to, MerkleTree.inMemory(tree.subList(0, to)));
    }

    @Test
    @DisplayName(
            "tlog-witness: the first checkpoint (old 0) and a consistent later one are cosigned (tlog-cosignature, Ed25519); the cosigned checkpoint is served by origin hash")
    void cosignsConsistentCheckpoints() throws Exception {
        String cp5 = checkpoint(leaves, 5, LOG_KEY, ORIGIN);
        HttpResponse<String> r = add(body(0, List.of(), cp5));
        assertEquals(200, r.statusCode(), r.body());
        Cosignature.WitnessKey wkey = Cosignature.parseWitnessKey(witness.verifierKey());
        String text5 = cp5.substring(0, cp5.indexOf("\n\n") + 1);
        List<Cosignature.Verified> v = Cosignature.verify(text5, r.body(), List.of(wkey));
        assertEquals(1, v.size(), r.body());
        assertTrue(r.body().startsWith("\u2014 witness.example/w1 ") && r.body().endsWith("\n"));
        assertTrue(
                Cosignature.verify(text5.replace("\n5\n", "\n6\n"), r.body(), List.of(wkey))
                        .isEmpty(),
                "bound to the text");

        String cp12 = checkpoint(leaves, 12, LOG_KEY, ORIGIN);
        assertEquals(200, add(body(5, proof(leaves, 5, 12), cp12)).statusCode());
        String hash = HexFormat.of().formatHex(Witness.sha256(ORIGIN));
        HttpResponse<String> served = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + witness.port() + "/" + hash + "/checkpoint"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, served.statusCode());
        assertTrue(served.body().startsWith(cp12), "the log's signed checkpoint");
        assertEquals(
                1,
                Cosignature.verify(cp12.substring(0, cp12.indexOf("\n\n") + 1), served.body(), List.of(wkey))
                        .size());
        // Same size, same root: cosigned again with an empty proof.
        assertEquals(200, add(body(12, List.of(), cp12)).statusCode());
    }

    @Test
    @DisplayName(
            "tlog-witness: a stale old size is 409 with the size it holds (text/x.tlog.size); the state survives a restart")
    void conflictAndRestart() throws Exception {
        assertEquals(
                200,
                add(body(0, List.of(), checkpoint(leaves, 4, LOG_KEY, ORIGIN))).statusCode());
        HttpResponse<String> r = add(body(0, List.of(), checkpoint(leaves, 8, LOG_KEY, ORIGIN)));
        assertEquals(409, r.statusCode());
        assertEquals("4\n", r.body());
        assertEquals("text/x.tlog.size", r.headers().firstValue("Content-Type").orElse(""));
        witness.stop();
        witness = startWitness();
        assertEquals(
                409,
                add(body(2, List.of(), checkpoint(leaves, 8, LOG_KEY, ORIGIN))).statusCode());
        assertEquals(
                200,
                add(body(4, proof(leaves, 4, 8), checkpoint(leaves, 8, LOG_KEY, ORIGIN)))
                        .statusCode());
    }

    @Test
    @DisplayName(
            "tlog-witness: a log rewritten below the cosigned size and re-signed with the same key is refused 422 (no consistency proof exists), and nothing changes")
    void refusesRewrite() throws Exception {
        assertEquals(
                200,
                add(body(0, List.of(), checkpoint(leaves, 6, LOG_KEY, ORIGIN))).statusCode());
        List<byte[]> rewritten = new ArrayList<>(leaves);
        rewritten.set(3, MerkleTree.leafHash(new byte[] {99}));
        String forged = checkpoint(rewritten, 10, LOG_KEY, ORIGIN);
        HttpResponse<String> r = add(body(6, proof(rewritten, 6, 10), forged));
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(
                logged.toString(StandardCharsets.UTF_8).contains(forged), "the refused checkpoint is kept as evidence");
        assertEquals(
                422,
                add(body(6, List.of(), checkpoint(rewritten, 6, LOG_KEY, ORIGIN)))
                        .statusCode(),
                "same size, other root");
        assertEquals(
                422,
                add(body(6, proof(leaves, 6, 9), checkpoint(leaves, 10, LOG_KEY, ORIGIN)))
                        .statusCode(),
                "proof to another size");
        assertEquals(
                200,
                add(body(6, proof(leaves, 6, 10), checkpoint(leaves, 10, LOG_KEY, ORIGIN)))
                        .statusCode(),
                "the true log goes on");
    }

    @Test
    @DisplayName(
            "tlog-witness: unknown origin 404, a key it does not trust or a bad signature 403, old above new 400, a proof from 0 422, malformed 400")
    void refusals() throws Exception {
        assertEquals(
                404,
                add(body(0, List.of(), checkpoint(leaves, 3, LOG_KEY, "confide/other")))
                        .statusCode());
        KeyPair stranger = Ed25519Keys.fromSeed(filled(7));
        assertEquals(
                403,
                add(body(0, List.of(), checkpoint(leaves, 3, stranger, ORIGIN))).statusCode());
        String good = checkpoint(leaves, 3, LOG_KEY, ORIGIN);
        String broken = good.substring(0, good.length() - 6)
                + (good.charAt(good.length() - 6) == 'A' ? 'B' : 'A')
                + good.substring(good.length() - 5);
        assertEquals(403, add(body(0, List.of(), broken)).statusCode());
        assertEquals(400, add(body(4, List.of(), good)).statusCode());
        assertEquals(422, add(body(0, List.of(MerkleTree.emptyRoot()), good)).statusCode());
        assertEquals(400, add("old 01\n\n" + good).statusCode());
        assertEquals(400, add("hello").statusCode());
        assertEquals(400, add("old 0\nnot-base64!\n\n" + good).statusCode());
        assertTrue(Files.notExists(dir.resolve("state.json")), "nothing was cosigned");
    }
}
