package org.confide.auditlog.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.confide.auditlog.checkpoint.CheckpointText;
import org.confide.auditlog.checkpoint.Cosignature;
import org.confide.auditlog.checkpoint.SignedNote;
import org.confide.auditlog.jcs.Json;
import org.confide.auditlog.proof.InclusionProof;
import org.confide.auditlog.tree.MerkleTree;

/**
 * The offline verifier (issue 7): checks a saved checkpoint's signature with nothing but the public key, and
 * inclusion proofs of entries against it, so that an outside auditor need not trust the server. Plain JDK:
 * {@code ./confide verify-checkpoint} runs the module's jar ({@code java -jar confide-audit-log.jar}) on a bare JDK.
 *
 * <pre>
 * verify-checkpoint CHECKPOINT [--key VKEY | --key VKEY_FILE]... [PROOF.json ...]
 *   CHECKPOINT  the JSON of GET /audit/checkpoints/latest, or the signed note alone
 *   --key       a trusted verifier key (confide/ORG+KEYID+KEY); repeat it for a log whose key rotated (the keys of
 *               GET /audit/keys): any of them may have signed; without it the key in the checkpoint
 *               file is used, which proves only that the file is self-consistent
 *   --witness   a witness's key (./confide witness --print-key): its cosignature (C2SP tlog-cosignature) must be on
 *               the checkpoint, among the JSON's cosignatures or the note's signature lines
 *   PROOF.json  the JSON of GET /audit/entries/{seq}/proof
 * </pre>
 * Exit status: 0 all checks hold, 1 a check failed, 2 bad usage or unreadable input.
 */
public final class VerifyCheckpoint {

    private static final HexFormat HEX = HexFormat.of();

    private VerifyCheckpoint() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> keyArgs = new ArrayList<>();
        List<String> witnessArgs = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int a = 0; a < args.length; a++) {
            if (args[a].equals("--key") && a + 1 < args.length) {
                keyArgs.add(args[++a]);
            } else if (args[a].equals("--witness") && a + 1 < args.length) {
                witnessArgs.add(args[++a]);
            } else if (args[a].startsWith("--")) {
                return usage(err, "unknown option " + args[a]);
            } else {
                files.add(args[a]);
            }
        }
        if (files.isEmpty()) {
            return usage(err, "no checkpoint given");
        }
        try {
            return verify(files, keyArgs, witnessArgs, out, err);
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            err.println("verify-checkpoint: " + e.getMessage());
            return 2;
        }
    }

    private static int verify(
            List<String> files, List<String> keyArgs, List<String> witnessArgs, PrintStream out, PrintStream err)
            throws IOException {
        String checkpointText = read(files.getFirst());
        Map<String, Object> checkpoint = checkpointText.stripLeading().startsWith("{") ? object(checkpointText) : null;
        String note = checkpoint == null ? checkpointText : (String) checkpoint.get("note");
        if (note == null) throw new IllegalArgumentException(files.getFirst() + " has no note");

        List<SignedNote.VerifierKey> keys = new ArrayList<>();
        if (!keyArgs.isEmpty()) {
            for (String keyArg : keyArgs) {
                String k = keyArg.contains("+") || !Files.isRegularFile(Path.of(keyArg))
                        ? keyArg
                        : read(keyArg).strip();
                keys.add(SignedNote.parseVerifierKey(k));
            }
        } else if (checkpoint != null && checkpoint.get("publicKey") instanceof String k) {
            keys.add(SignedNote.parseVerifierKey(k));
            err.println("warning: using the public key inside " + files.getFirst()
                    + "; pass --key with the key you trust to rule out a forged checkpoint");
        } else {
            return usage(err, "a bare signed note needs --key");
        }

        String text = null;
        SignedNote.VerifierKey key = null;
        for (SignedNote.VerifierKey k : keys) {
            text = SignedNote.open(note, k);
            if (text != null) {
                key = k;
                break;
            }
        }
        if (text == null) {
            out.println("FAIL checkpoint: the note is not signed by "
                    + String.join(
                            " or ",
                            keys.stream().map(SignedNote.VerifierKey::encoded).toList()));
            return 1;
        }
        CheckpointText cp = CheckpointText.parse(text);
        if (cp == null) {
            out.println("FAIL checkpoint: the signed text is not a tlog-checkpoint");
            return 1;
        }
        if (!cp.origin().equals(key.name())) {
            out.println("FAIL checkpoint: origin " + cp.origin() + " is not the key's name " + key.name());
            return 1;
        }
        if (checkpoint != null) {
            String mismatch = fieldsAgree(checkpoint, cp);
            if (mismatch != null) {
                out.println("FAIL checkpoint: the JSON field " + mismatch + " is not what the signed note says");
                return 1;
            }
        }
        out.println("OK checkpoint " + cp.origin() + " size " + cp.treeSize() + " root " + HEX.formatHex(cp.rootHash())
                + " signed by " + key.encoded());

        int status = 0;
        StringBuilder lines = new StringBuilder(note);
        if (checkpoint != null && checkpoint.get("cosignatures") instanceof List<?> cosignatures) {
            for (Object c : cosignatures) {
                if (c instanceof Map<?, ?> m && m.get("line") instanceof String line) lines.append(line);
            }
        }
        for (String w : witnessArgs) {
            Cosignature.WitnessKey wkey = Cosignature.parseWitnessKey(w);
            List<Cosignature.Verified> found = Cosignature.verify(text, lines.toString(), List.of(wkey));
            if (found.isEmpty()) {
                out.println("FAIL checkpoint: no valid cosignature of witness " + wkey.name());
                status = 1;
            } else {
                out.println("OK cosigned by witness " + wkey.name() + " at "
                        + java.time.Instant.ofEpochSecond(found.getFirst().timestamp()));
            }
        }
        for (String file : files.subList(1, files.size())) {
            Map<String, Object> proof = object(read(file));
            long seq = number(proof, "seq");
            long size = number(proof, "treeSize");
            long index = proof.containsKey("leafIndex") ? number(proof, "leafIndex") : seq - 1;
            String hash = (String) proof.get("hash");
            if (hash == null) throw new IllegalArgumentException(file + " has no entry hash");
            List<byte[]> hashes = new ArrayList<>();
            for (Object h : (List<?>) proof.get("hashes")) {
                hashes.add(HEX.parseHex((String) h));
            }
            if (size != cp.treeSize()) {
                out.println("FAIL entry " + seq + ": the proof is for a tree of " + size + ", the checkpoint's has "
                        + cp.treeSize());
                status = 1;
            } else if (index != seq - 1) {
                out.println("FAIL entry " + seq + ": leaf index " + index + " is not seq - 1");
                status = 1;
            } else if (!InclusionProof.verify(
                    index, size, MerkleTree.leafHash(HEX.parseHex(hash)), hashes, cp.rootHash())) {
                out.println("FAIL entry " + seq + " (hash " + hash + ") is not in the signed tree");
                status = 1;
            } else {
                out.println("OK entry " + seq + " (hash " + hash + ") is in the signed tree of size " + size);
            }
        }
        return status;
    }

    /** The JSON's treeSize, rootHash and org must be the note's; null when they are, else the field's name. */
    private static String fieldsAgree(Map<String, Object> json, CheckpointText cp) {
        if (json.containsKey("treeSize") && number(json, "treeSize") != cp.treeSize()) return "treeSize";
        if (json.get("rootHash") instanceof String r && !r.equals(HEX.formatHex(cp.rootHash()))) return "rootHash";
        if (json.get("org") instanceof String o && !CheckpointText.origin(o).equals(cp.origin())) return "org";
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String text) {
        Object v = Json.parse(text);
        if (!(v instanceof Map)) throw new IllegalArgumentException("expected a JSON object");
        return (Map<String, Object>) v;
    }

    private static long number(Map<String, Object> json, String field) {
        if (!(json.get(field) instanceof BigDecimal n)) throw new IllegalArgumentException("no number " + field);
        return n.longValueExact();
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }

    private static int usage(PrintStream err, String why) {
        err.println("verify-checkpoint: " + why);
        err.println(
                "usage: verify-checkpoint CHECKPOINT [--key VKEY|VKEY_FILE]... [--witness WITNESS_VKEY]... [PROOF.json ...]");
        err.println("  --witness   a witness's key: its cosignature must be on the checkpoint");
        err.println("  --key       a trusted key; repeat it for every key of GET /audit/keys when the key rotated");
        err.println(
                "  CHECKPOINT  JSON of GET /audit/checkpoints/latest, or the signed note alone (then --key is needed)");
        err.println("  PROOF.json  JSON of GET /audit/entries/{seq}/proof, checked against the checkpoint");
        return 2;
    }
}
