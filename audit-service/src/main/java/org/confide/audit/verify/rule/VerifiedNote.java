package org.confide.audit.verify.rule;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.confide.auditlog.checkpoint.SignedNote;

/**
 * The signed record of the last checkpoint verify found the log to match: a signed note (same signing key as the
 * checkpoints) whose text is {@code confide-verified/<org>\n<tree size>\n<base64 root>\n<entry hash hex>\n}. Its first
 * line is not a checkpoint origin ({@code confide/<org>}), so it can never pass for a checkpoint.
 */
public record VerifiedNote(String org, long treeSize, byte[] rootHash, String entryHash) {

    public static final String PREFIX = "confide-verified/";
    private static final HexFormat HEX = HexFormat.of();

    public static String name(String org) {
        return PREFIX + org;
    }

    public String text() {
        return name(org) + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + entryHash
                + "\n";
    }

    /**
     * The record in {@code note} if one of {@code trustedKeys} (raw Ed25519 public keys) signed it for {@code org};
     * null when no trusted key did or the text is not such a record.
     */
    public static VerifiedNote open(String org, String note, List<byte[]> trustedKeys) {
        for (byte[] key : trustedKeys) {
            String text = SignedNote.open(note, SignedNote.verifierKey(name(org), key));
            if (text != null) return parse(org, text);
        }
        return null;
    }

    static VerifiedNote parse(String org, String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length != 5
                || !lines[0].equals(name(org))
                || !lines[1].matches("[1-9][0-9]{0,18}")
                || !lines[3].matches("[0-9a-f]{64}")
                || !lines[4].isEmpty()) {
            return null;
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (root.length != 32) return null;
        return new VerifiedNote(org, Long.parseLong(lines[1]), root, lines[3]);
    }

    public String rootHex() {
        return HEX.formatHex(rootHash);
    }
}
