package org.confide.auditlog.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.confide.auditlog.checkpoint.CheckpointText;
import org.confide.auditlog.checkpoint.Ed25519Keys;
import org.confide.auditlog.checkpoint.SignedNote;
import org.confide.auditlog.proof.InclusionProof;
import org.confide.auditlog.tree.MerkleTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline verifier on checkpoints and proofs made the way the service makes them. */
class VerifyCheckpointTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String ORG = "org-offline";
    private static final KeyPair KEY = Ed25519Keys.fromSeed(new byte[32]);
    private static final List<byte[]> ENTRY_HASHES = new ArrayList<>();
    private static String vkey;

    @TempDir
    Path dir;

    @BeforeAll
    static void log() {
        for (int i = 0; i < 7; i++) {
            ENTRY_HASHES.add(MerkleTree.leafHash(new byte[] {(byte) i})); // any 32 bytes stand for entry hashes
        }
        vkey = SignedNote.verifierKey(CheckpointText.origin(ORG), Ed25519Keys.raw(KEY.getPublic()))
                .encoded();
    }

    private static List<byte[]> leaves() {
        return ENTRY_HASHES.stream().map(MerkleTree::leafHash).toList();
    }

    static String checkpointJson(KeyPair signer, String publicKey, String rootOverride) {
        String origin = CheckpointText.origin(ORG);
        byte[] root = MerkleTree.root(leaves());
        String text = new CheckpointText(origin, 7, root).text();
        String sig = SignedNote.signature(text, origin, signer);
        String note = SignedNote.note(text, origin, sig);
        return """
                {"org":"%s","seq":7,"hash":"%s","treeSize":7,"rootHash":"%s","note":"%s","signature":"%s","publicKey":"%s","signedAt":"2026-11-24T10:00:00Z"}""".formatted(
                        ORG,
                        HEX.formatHex(ENTRY_HASHES.get(6)),
                        rootOverride != null ? rootOverride : HEX.formatHex(root),
                        note.replace("\n", "\\n"),
                        sig,
                        publicKey);
    }

    static String proofJson(int seq, boolean flip) {
        List<byte[]> path = InclusionProof.path(seq - 1, 7, MerkleTree.inMemory(leaves()));
        List<String> hex = new ArrayList<>(path.stream().map(HEX::formatHex).toList());
        if (flip) hex.set(0, hex.get(0).replaceFirst("^.", hex.get(0).charAt(0) == 'a' ? "b" : "a"));
        return """
                {"seq":%d,"treeSize":7,"leafIndex":%d,"hashes":["%s"],"hash":"%s"}""".formatted(seq, seq - 1, String.join("\",\"", hex), HEX.formatHex(ENTRY_HASHES.get(seq - 1)));
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private record Run(int status, String out, String err) {}

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = VerifyCheckpoint.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a saved checkpoint and inclusion proofs verify with the trusted public key alone")
    void verifies() throws Exception {
        Path cp = file("cp.json", checkpointJson(KEY, vkey, null));
        Path p3 = file("p3.json", proofJson(3, false));
        Path p7 = file("p7.json", proofJson(7, false));
        Run r = run(cp.toString(), "--key", vkey, p3.toString(), p7.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("OK checkpoint confide/org-offline size 7"), r.out());
        assertTrue(r.out().contains("OK entry 3"), r.out());
        assertTrue(r.out().contains("OK entry 7"), r.out());
        Path keyFile = file("audit.vkey", vkey + "\n");
        assertEquals(0, run(cp.toString(), "--key", keyFile.toString()).status(), "the key may come from a file");
        Run selfKeyed = run(cp.toString());
        assertEquals(0, selfKeyed.status());
        assertTrue(selfKeyed.err().contains("warning"), "without --key the verifier warns that it trusts the file");
        String note = SignedNote.note(
                new CheckpointText("confide/" + ORG, 7, MerkleTree.root(leaves())).text(),
                "confide/" + ORG,
                SignedNote.signature(
                        new CheckpointText("confide/" + ORG, 7, MerkleTree.root(leaves())).text(),
                        "confide/" + ORG,
                        KEY));
        Path bare = file("cp.note", note);
        assertEquals(
                0,
                run(bare.toString(), "--key", vkey).status(),
                "a bare signed note, as transparency-dev tools keep it");
        assertEquals(2, run(bare.toString()).status(), "a bare note needs --key");
    }

    @Test
    @DisplayName("a forged checkpoint, an altered field or an altered proof fails")
    void refuses() throws Exception {
        KeyPair forger = Ed25519Keys.fromSeed(Ed25519Keys.newSeed());
        String forgerKey = SignedNote.verifierKey(CheckpointText.origin(ORG), Ed25519Keys.raw(forger.getPublic()))
                .encoded();
        Path forged = file("forged.json", checkpointJson(forger, forgerKey, null));
        Run r = run(forged.toString(), "--key", vkey);
        assertEquals(1, r.status());
        assertTrue(r.out().startsWith("FAIL checkpoint"), r.out());
        Path altered = file("altered.json", checkpointJson(KEY, vkey, "00".repeat(32)));
        assertEquals(1, run(altered.toString(), "--key", vkey).status(), "a rootHash field that is not the signed one");
        Path cp = file("cp.json", checkpointJson(KEY, vkey, null));
        Path bad = file("bad.json", proofJson(5, true));
        Run p = run(cp.toString(), "--key", vkey, bad.toString());
        assertEquals(1, p.status());
        assertTrue(p.out().contains("FAIL entry 5"), p.out());
        assertEquals(2, run(cp.toString(), "--key", "not-a-key").status());
        assertEquals(2, run("--key", vkey).status());
    }
}
