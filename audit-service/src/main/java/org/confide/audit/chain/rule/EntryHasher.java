package org.confide.audit.chain.rule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain link (docs/api.md "Hashing"): {@code hash = SHA-256(prevHash ‖ JCS(entry without prevHash and hash))},
 * prevHash as its 32 bytes, the JSON in UTF-8; the first entry of an organisation follows 32 zero bytes.
 */
public final class EntryHasher {

    public static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    public String hash(String prevHashHex, EntryContent entry) {
        MessageDigest sha = sha256();
        sha.update(HEX.parseHex(prevHashHex));
        sha.update(Jcs.canonicalize(entry.toJson()).getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
