package org.confide.auditlog.checkpoint;

import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Whether a stored checkpoint still vouches for the log as it is now (docs/architecture.md "Data": a rewritten chain
 * no longer matches a checkpoint that was handed out): the note opens with the organisation's key, says the
 * stored size and root, and that root and the entry hash at seq = size are what the log gives today.
 */
public final class CheckpointCheck {

    private static final HexFormat HEX = HexFormat.of();

    private CheckpointCheck() {}

    /**
     * Null when the checkpoint holds; otherwise the reason. {@code computedRoot} is the root recomputed from the
     * log's entries, {@code chainEntryHash} the hash of the log's entry at seq = treeSize (null when missing).
     */
    public static String check(
            String org,
            long treeSize,
            String storedEntryHash,
            String storedRootHash,
            String note,
            SignedNote.VerifierKey key,
            byte[] computedRoot,
            String chainEntryHash) {
        return check(
                org,
                treeSize,
                storedEntryHash,
                storedRootHash,
                note,
                java.util.List.of(key),
                computedRoot,
                chainEntryHash);
    }

    /** As above, with the keys the log has been signed with (key rotation): any one of them may have signed it. */
    public static String check(
            String org,
            long treeSize,
            String storedEntryHash,
            String storedRootHash,
            String note,
            java.util.List<SignedNote.VerifierKey> keys,
            byte[] computedRoot,
            String chainEntryHash) {
        String text = null;
        for (SignedNote.VerifierKey key : keys) {
            text = SignedNote.open(note, key);
            if (text != null) break;
        }
        if (text == null) {
            return "checkpoint " + treeSize + ": the note is not signed by the audit signing key";
        }
        CheckpointText parsed = CheckpointText.parse(text);
        if (parsed == null
                || !parsed.origin().equals(CheckpointText.origin(org))
                || parsed.treeSize() != treeSize
                || !HEX.formatHex(parsed.rootHash()).equals(storedRootHash)) {
            return "checkpoint " + treeSize + ": the signed note does not say what is stored beside it";
        }
        if (chainEntryHash == null) {
            return "checkpoint " + treeSize + ": the log has no entry " + treeSize;
        }
        if (!MessageDigest.isEqual(parsed.rootHash(), computedRoot)) {
            return "checkpoint " + treeSize + ": the log's Merkle root at size " + treeSize + " is not the signed one";
        }
        if (!chainEntryHash.equals(storedEntryHash)) {
            return "checkpoint " + treeSize + ": entry " + treeSize + " has another hash than when it was signed";
        }
        return null;
    }
}
