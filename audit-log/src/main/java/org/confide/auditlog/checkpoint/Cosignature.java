package org.confide.auditlog.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
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

    private Cosignature() {}

    /** A witness as a verifier knows it: its name and public key. */
    public record WitnessKey(String name, byte[] keyId, byte[] publicKey) {

        public String encoded() {
            return SignedNote.encodeKey(name, keyId, TYPE, publicKey);
        }
    }

    /** One cosignature that verified: who, when (POSIX seconds), and its signature line. */
    public record Verified(String witness, String keyId, long timestamp, String line) {}

    public static byte[] keyId(String name, byte[] publicKey) {
        return SignedNote.keyId(name, TYPE, publicKey);
    }

    public static WitnessKey witnessKey(String name, byte[] publicKey) {
        if (!SignedNote.validName(name)) throw new IllegalArgumentException("not a key name: " + name);
        return new WitnessKey(name, keyId(name, publicKey), publicKey.clone());
    }

    /** Parses {@code <name>+<hex key id>+<base64(0x04 ‖ key)>}; checks that the key id is the key's. */
    public static WitnessKey parseWitnessKey(String vkey) {
        SignedNote.NoteKey k =
                SignedNote.parseVerifierKey(vkey, TYPE, "witness key", "not an Ed25519 cosignature (type 0x04) key");
        return new WitnessKey(k.name(), k.keyId(), k.key());
    }

    /** {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x04 ‖ seed)>}. */
    public static String signerKey(String name, byte[] seed) {
        return SignedNote.signerKey(name, TYPE, seed);
    }

    /** The name and seed of a witness's {@link #signerKey}. */
    public static Object[] parseSignerKey(String skey) {
        SignedNote.NoteKey k =
                SignedNote.parseSignerKey(skey, TYPE, "not an Ed25519 cosignature (type 0x04) signer key");
        return new Object[] {k.name(), k.key()};
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
        byte[] body = ByteBuffer.allocate(4 + 8 + sig.length)
                .put(keyId(name, pub))
                .putLong(timestamp)
                .put(sig)
                .array();
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
                if (ts > 0
                        && Ed25519Keys.verify(Ed25519Keys.publicKey(w.publicKey()), message(ts, checkpointText), sig)) {
                    out.add(new Verified(name, HEX.formatHex(w.keyId()), ts, line + "\n"));
                }
            }
        }
        return out;
    }
}
