package org.confide.auditlog.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * C2SP signed-note (c2sp.org/signed-note) with Ed25519 keys: a text ending in a newline, a blank line, and
 * signature lines {@code "— <key name> <base64(key id ‖ signature)>\n"}; key id = the first 4 bytes of
 * {@code SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key)}; a verifier key is
 * {@code <name>+<hex key id>+<base64(0x01 ‖ public key)>}, a signer key
 * {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 ‖ seed)>} (the Go sumdb/note forms).
 */
public final class SignedNote {

    /** Signature type of Ed25519 in key ids and key encodings. */
    public static final byte ED25519 = 0x01;

    private static final String DASH = "\u2014 ";
    private static final HexFormat HEX = HexFormat.of();

    private SignedNote() {}

    /** A public key under a name, as a verifier knows it. */
    public record VerifierKey(String name, byte[] keyId, byte[] publicKey) {

        /** {@code <name>+<hex key id>+<base64(0x01 ‖ public key)>}. */
        public String encoded() {
            return encodeKey(name, keyId, ED25519, publicKey);
        }
    }

    /** Whether {@code name} may name a key: non-empty, no Unicode space, no '+', no control character. */
    public static boolean validName(String name) {
        if (name == null || name.isEmpty()) return false;
        return name.codePoints()
                .noneMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20);
    }

    public static byte[] keyId(String name, byte[] publicKey) {
        return keyId(name, ED25519, publicKey);
    }

    /** A note key's id for signature type {@code type}: {@code SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4]}. */
    static byte[] keyId(String name, byte type, byte[] publicKey) {
        MessageDigest sha = sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(type);
        sha.update(publicKey);
        return Arrays.copyOf(sha.digest(), 4);
    }

    /** A note key as it is parsed: its name, key id and key (public key or seed) without the type byte. */
    record NoteKey(String name, byte[] keyId, byte[] key) {}

    /** {@code <name>+<hex key id>+<base64(type ‖ key)>}, the form of verifier keys and (after PRIVATE+KEY+) signer keys. */
    static String encodeKey(String name, byte[] keyId, byte type, byte[] key) {
        byte[] typed = new byte[1 + key.length];
        typed[0] = type;
        System.arraycopy(key, 0, typed, 1, key.length);
        return name + "+" + HEX.formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /**
     * Parses {@code <name>+<hex key id>+<base64(type ‖ public key)>} of signature type {@code type}; checks that the key
     * id is the key's. {@code what} names the key in the errors ("verifier key"), {@code notA} the wrong kind.
     */
    static NoteKey parseVerifierKey(String vkey, byte type, String what, String notA) {
        // Names never hold '+', base64 may: split from the front, as Go's note.NewVerifier does.
        String s = vkey.strip();
        int mid = s.indexOf('+');
        int last = mid < 0 ? -1 : s.indexOf('+', mid + 1);
        if (mid <= 0 || last < 0) throw new IllegalArgumentException("a " + what + " reads <name>+<key id>+<key>");
        String name = s.substring(0, mid);
        byte[] id;
        byte[] typed;
        try {
            id = HEX.parseHex(s.substring(mid + 1, last));
            typed = Base64.getDecoder().decode(s.substring(last + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a " + what + " reads <name>+<hex key id>+<base64 key>");
        }
        if (!validName(name) || id.length != 4 || typed.length != 1 + Ed25519Keys.PUBLIC_BYTES || typed[0] != type) {
            throw new IllegalArgumentException(notA);
        }
        byte[] pub = Arrays.copyOfRange(typed, 1, typed.length);
        if (!Arrays.equals(id, keyId(name, type, pub))) {
            throw new IllegalArgumentException("the key id does not match the key");
        }
        return new NoteKey(name, id, pub);
    }

    /** Parses {@code PRIVATE+KEY+<name>+<hex key id>+<base64(type ‖ seed)>}; {@code notA} is the error for another kind. */
    static NoteKey parseSignerKey(String skey, byte type, String notA) {
        String s = skey.strip();
        if (!s.startsWith("PRIVATE+KEY+")) throw new IllegalArgumentException("a signer key starts with PRIVATE+KEY+");
        String rest = s.substring("PRIVATE+KEY+".length());
        int afterName = rest.indexOf('+');
        int afterId = afterName < 0 ? -1 : rest.indexOf('+', afterName + 1);
        if (afterId < 0) throw new IllegalArgumentException("a signer key reads PRIVATE+KEY+<name>+<key id>+<key>");
        byte[] typed = Base64.getDecoder().decode(rest.substring(afterId + 1));
        if (typed.length != 1 + Ed25519Keys.SEED_BYTES || typed[0] != type) throw new IllegalArgumentException(notA);
        return new NoteKey(rest.substring(0, afterName), null, Arrays.copyOfRange(typed, 1, typed.length));
    }

    /** {@code PRIVATE+KEY+<name>+<hex key id>+<base64(type ‖ seed)>}. */
    static String signerKey(String name, byte type, byte[] seed) {
        byte[] pub = Ed25519Keys.raw(Ed25519Keys.fromSeed(seed).getPublic());
        return "PRIVATE+KEY+" + encodeKey(name, keyId(name, type, pub), type, seed);
    }

    public static VerifierKey verifierKey(String name, byte[] publicKey) {
        if (!validName(name)) throw new IllegalArgumentException("not a key name: " + name);
        return new VerifierKey(name, keyId(name, publicKey), publicKey.clone());
    }

    /** Parses {@code <name>+<hex key id>+<base64(0x01 ‖ key)>}; checks that the key id is the key's. */
    public static VerifierKey parseVerifierKey(String vkey) {
        NoteKey k = parseVerifierKey(vkey, ED25519, "verifier key", "not an Ed25519 verifier key");
        return new VerifierKey(k.name(), k.keyId(), k.key());
    }

    /** The seed of {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 ‖ seed)>}. */
    public static byte[] parseSignerKeySeed(String skey) {
        return parseSignerKey(skey, ED25519, "not an Ed25519 signer key").key();
    }

    public static String signerKey(String name, byte[] seed) {
        return signerKey(name, ED25519, seed);
    }

    /** base64(key id ‖ Ed25519 signature of the text), the last field of a signature line. */
    public static String signature(String text, String name, KeyPair key) {
        checkText(text);
        byte[] pub = Ed25519Keys.raw(key.getPublic());
        byte[] sig = Ed25519Keys.sign(key, text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(4 + sig.length)
                        .put(keyId(name, pub))
                        .put(sig)
                        .array());
    }

    /** The signed note: text, blank line, one signature line. */
    public static String sign(String text, String name, KeyPair key) {
        return note(text, name, signature(text, name, key));
    }

    /** The signed note of a text and its signature ({@link #signature}). */
    public static String note(String text, String name, String signature) {
        return text + "\n" + DASH + name + " " + signature + "\n";
    }

    /**
     * The text of a signed note if a signature line of {@code key} (same name and key id) verifies;
     * null otherwise (no such line, a bad signature, a malformed note).
     */
    public static String open(String note, VerifierKey key) {
        if (note == null || !note.endsWith("\n")) return null;
        int split = note.lastIndexOf("\n\n");
        if (split < 0) return null;
        String text = note.substring(0, split + 1);
        String[] lines = note.substring(split + 2).split("\n", -1);
        PublicKey pub = Ed25519Keys.publicKey(key.publicKey());
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            if (!line.startsWith(DASH)) return null;
            int space = line.lastIndexOf(' ');
            if (space <= DASH.length()) return null;
            String name = line.substring(DASH.length(), space);
            if (!name.equals(key.name())) continue;
            byte[] sig;
            try {
                sig = Base64.getDecoder().decode(line.substring(space + 1));
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (sig.length < 4 || !Arrays.equals(Arrays.copyOf(sig, 4), key.keyId())) continue;
            // The first line of this key decides (as Go's note.Open does).
            return Ed25519Keys.verify(
                            pub, text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(sig, 4, sig.length))
                    ? text
                    : null;
        }
        return null;
    }

    private static void checkText(String text) {
        if (text.isEmpty()
                || !text.endsWith("\n")
                || text.contains("\n\n")
                || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("a note text is non-empty lines, each ending in a newline");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
