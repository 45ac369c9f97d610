package org.confide.auditlog.checkpoint;

import java.util.Base64;

/**
 * The C2SP tlog-checkpoint text of an organisation's log (docs/api.md "Hashing"):
 * {@code confide/<org>\n<tree size>\n<base64 root>\n}. The origin doubles as the signing key's name.
 */
public record CheckpointText(String origin, long treeSize, byte[] rootHash) {

    public static final String ORIGIN_PREFIX = "confide/";

    public static String origin(String org) {
        return ORIGIN_PREFIX + org;
    }

    public String text() {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** Parses a checkpoint text (extension lines after the third are allowed and ignored); null if malformed. */
    public static CheckpointText parse(String text) {
        if (text == null || !text.endsWith("\n")) return null;
        String[] lines = text.split("\n", -1);
        if (lines.length < 4) return null;
        String size = lines[1];
        if (lines[0].isEmpty() || !size.matches("0|[1-9][0-9]{0,18}")) return null;
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (root.length != 32 || !Base64.getEncoder().encodeToString(root).equals(lines[2])) return null;
        try {
            return new CheckpointText(lines[0], Long.parseLong(size), root);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
