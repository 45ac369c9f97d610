package org.confide.auditlog.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The signed-note form against the Go sumdb/note reference example (golang.org/x/mod/sumdb/note). */
class SignedNoteTest {

    static final String SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String NOTE = TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static KeyPair reference() {
        return Ed25519Keys.fromSeed(SignedNote.parseSignerKeySeed(SKEY));
    }

    @Test
    @DisplayName(
            "signed-note: the reference signer key gives the reference verifier key (key id over name, 0x0A, 0x01, key)")
    void keys() {
        byte[] seed = SignedNote.parseSignerKeySeed(SKEY);
        byte[] pub = Ed25519Keys.raw(reference().getPublic());
        assertEquals(VKEY, SignedNote.verifierKey("PeterNeumann", pub).encoded());
        assertEquals(SKEY, SignedNote.signerKey("PeterNeumann", seed));
        assertEquals(
                "c74f20a3",
                HexFormat.of().formatHex(SignedNote.parseVerifierKey(VKEY).keyId()));
    }

    @Test
    @DisplayName("signed-note: signing the reference text gives the reference note, byte for byte, and it opens")
    void signAndOpen() {
        assertEquals(NOTE, SignedNote.sign(TEXT, "PeterNeumann", reference()));
        assertEquals(TEXT, SignedNote.open(NOTE, SignedNote.parseVerifierKey(VKEY)));
    }

    @Test
    @DisplayName("signed-note: an altered text, another key, or another name does not open")
    void refuses() {
        var vkey = SignedNote.parseVerifierKey(VKEY);
        assertNull(SignedNote.open(NOTE.replace("answer", "ANSWER"), vkey));
        KeyPair other = Ed25519Keys.fromSeed(Ed25519Keys.newSeed());
        var otherKey = SignedNote.verifierKey("PeterNeumann", Ed25519Keys.raw(other.getPublic()));
        assertNull(SignedNote.open(NOTE, otherKey));
        assertNull(
                SignedNote.open(SignedNote.sign(TEXT, "PeterNeumann", other), vkey),
                "a forger's signature under the same name");
        assertNull(SignedNote.open(NOTE.replace("\u2014 PeterNeumann", "\u2014 Someone"), vkey));
        assertNull(SignedNote.open(TEXT, vkey), "no signature at all");
    }

    @DisplayName("signed-note: malformed verifier keys are refused")
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+AhpczQcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
    })
    void badKeys(String vkey) {
        assertThrows(IllegalArgumentException.class, () -> SignedNote.parseVerifierKey(vkey));
    }

    @Test
    @DisplayName(
            "tlog-checkpoint: origin, size and base64 root, each on its own line; the spec's example parses back to itself")
    void checkpointText() {
        String example = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        CheckpointText parsed = CheckpointText.parse(example);
        assertEquals(20852163L, parsed.treeSize());
        assertEquals(example, parsed.text());
        assertEquals(
                "confide/org-a\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
                new CheckpointText(CheckpointText.origin("org-a"), 3, new byte[32]).text());
        assertNull(CheckpointText.parse("confide/org-a\n03\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"));
        assertNull(CheckpointText.parse("confide/org-a\n3\nnot-base64\n"));
        assertNull(CheckpointText.parse("confide/org-a\n3\n"));
    }
}
