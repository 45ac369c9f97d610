package org.confide.auditlog.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * C2SP tlog-cosignature, the Ed25519 type (signature type 0x04): a witness's statement that, as of a time, the
 * checkpoint is the largest consistent tree it has seen of the log. A cosignature is a signed-note signature line
 * {@code "— <witness name> base64(key id ‖ u64 timestamp ‖ Ed25519 signature)"}, key id =
 * {@code SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key)[:4]}, over the message
 * {@code "cosignature/v1\ntime <timestamp>\n" ‖ checkpoint text}. A witness's verifier key is
 * {@code <name>+<hex key id>+<base64(0x04 ‖ public key)>}, its private key
 * {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x04 ‖ seed)>}.
 */
public final class Cosignature {

    public static final byte TYPE = 0x04;
    private static final String DASH = "\u2014 ";
    private static final HexFormat HEX = HexFormat.of();

    private Cosignature() {
    }

    /** A witness as a verifier knows it: its name and public key. */
    public record WitnessKey(String name, byte[] keyId, byte[] publicKey) {

        public String encoded() {
            byte[] typed = new byte[1 + publicKey.length];
            typed[0] = TYPE;
            System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
            return name + "+" + HEX.formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
        }
    }

    /** One cosignature that verified: who, when (POSIX seconds), and its signature line. */
    public record Verified(String witness, String keyId, long timestamp, String line) {
    }

    public static byte[] keyId(String name, byte[] publicKey) {
        MessageDigest sha = sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(TYPE);
        sha.update(publicKey);
        return Arrays.copyOf(sha.digest(), 4);
    }

    public static WitnessKey witnessKey(String name, byte[] publicKey) {
        if (!SignedNote.validName(name)) throw new IllegalArgumentException("not a key name: " + name);
        return new WitnessKey(name, keyId(name, publicKey), publicKey.clone());
    }

    /** Parses {@code <name>+<hex key id>+<base64(0x04 ‖ key)>}; checks that the key id is the key's. */
    public static WitnessKey parseWitnessKey(String vkey) {
        String s = vkey.strip();
        int mid = s.indexOf('+');
        int last = mid < 0 ? -1 : s.indexOf('+', mid + 1);
        if (mid <= 0 || last < 0) throw new IllegalArgumentException("a witness key reads <name>+<key id>+<key>");
        String name = s.substring(0, mid);
        byte[] id;
        byte[] typed;
        try {
            id = HEX.parseHex(s.substring(mid + 1, last));
            typed = Base64.getDecoder().decode(s.substring(last + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a witness key reads <name>+<hex key id>+<base64 key>");
        }
        if (!SignedNote.validName(name) || id.length != 4 || typed.length != 1 + Ed25519Keys.PUBLIC_BYTES || typed[0] != TYPE) {
            throw new IllegalArgumentException("not an Ed25519 cosignature (type 0x04) key");
        }
        byte[] pub = Arrays.copyOfRange(typed, 1, typed.length);
        if (!Arrays.equals(id, keyId(name, pub))) throw new IllegalArgumentException("the key id does not match the key");
        return new WitnessKey(name, id, pub);
    }

    /** {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x04 ‖ seed)>}. */
    public static String signerKey(String name, byte[] seed) {
        byte[] pub = Ed25519Keys.raw(Ed25519Keys.fromSeed(seed).getPublic());
        byte[] typed = new byte[1 + seed.length];
        typed[0] = TYPE;
        System.arraycopy(seed, 0, typed, 1, seed.length);
        return "PRIVATE+KEY+" + name + "+" + HEX.formatHex(keyId(name, pub)) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** The name and seed of a witness's {@link #signerKey}. */
    public static Object[] parseSignerKey(String skey) {
        String s = skey.strip();
        if (!s.startsWith("PRIVATE+KEY+")) throw new IllegalArgumentException("a signer key starts with PRIVATE+KEY+");
        String[] parts = s.substring("PRIVATE+KEY+".length()).split("\\+", 3);
        if (parts.length != 3) throw new IllegalArgumentException("a signer key reads PRIVATE+KEY+<name>+<key id>+<key>");
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        if (typed.length != 1 + Ed25519Keys.SEED_BYTES || typed[0] != TYPE) {
            throw new IllegalArgumentException("not an Ed25519 cosignature (type 0x04) signer key");
        }
        return new Object[] {parts[0], Arrays.copyOfRange(typed, 1, typed.length)};
    }

    /** The signed message: {@code cosignature/v1}, the time line, then the checkpoint's note text. */
    public static byte[] message(long timestamp, String checkpointText) {
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }

    /** The cosignature line (with its newline) of {@code name}'s key over a checkpoint text at {@code timestamp}. */
    public static String sign(String name, KeyPair key, long timestamp, String checkpointText) {
        if (timestamp <= 0) throw new IllegalArgumentException("a cosignature's timestamp is not zero");
        byte[] pub = Ed25519Keys.raw(key.getPublic());
        byte[] sig = Ed25519Keys.sign(key, message(timestamp, checkpointText));
        byte[] body = ByteBuffer.allocate(4 + 8 + sig.length).put(keyId(name, pub)).putLong(timestamp).put(sig).array();
        return DASH + name + " " + Base64.getEncoder().encodeToString(body) + "\n";
    }

    /**
     * The cosignatures by {@code witnesses} among the signature lines of {@code note} (or bare lines), each checked over
     * {@code checkpointText}; lines of other keys are ignored, as the spec asks.
     */
    public static List<Verified> verify(String checkpointText, String lines, List<WitnessKey> witnesses) {
        List<Verified> out = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (!line.startsWith(DASH)) continue;
            int space = line.lastIndexOf(' ');
            if (space <= DASH.length()) continue;
            String name = line.substring(DASH.length(), space);
            byte[] body;
            try {
                body = Base64.getDecoder().decode(line.substring(space + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (body.length != 4 + 8 + Ed25519Keys.SIGNATURE_BYTES) continue;
            for (WitnessKey w : witnesses) {
                if (!w.name().equals(name) || !Arrays.equals(Arrays.copyOf(body, 4), w.keyId())) continue;
                long ts = ByteBuffer.wrap(body, 4, 8).getLong();
                byte[] sig = Arrays.copyOfRange(body, 12, body.length);
                if (ts > 0 && Ed25519Keys.verify(Ed25519Keys.publicKey(w.publicKey()), message(ts, checkpointText), sig)) {
                    out.add(new Verified(name, HEX.formatHex(w.keyId()), ts, line + "\n"));
                }
            }
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
