package org.confide.platform.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.IntPredicate;

/**
 * The one way a secret setting is read (docs/architecture.md, "Settings"): its value is the secret in base64, or the
 * path of a file that holds it in base64 (a mounted Kubernetes or compose secret).
 */
public final class SecretBytes {

    private SecretBytes() {}

    /**
     * The secret {@code value} of {@code variable} stands for: the value itself when it decodes to a size {@code sizeOk}
     * accepts, else what the file it names holds; {@code null} when neither is base64. The caller checks the size.
     *
     * @throws IllegalStateException when the value names a file (starts with / or .) that cannot be read
     */
    public static byte[] base64OrFile(String variable, String value, IntPredicate sizeOk) {
        String text = value.trim();
        // Base64 may itself begin with '/', so the value is the secret when it decodes to one, and a file path
        // otherwise.
        byte[] direct = decode(text);
        if (direct != null && sizeOk.test(direct.length)) return direct;
        boolean looksLikePath = text.startsWith("/") || text.startsWith(".");
        Path file = Path.of(text);
        if (Files.isRegularFile(file)) {
            try {
                return decode(Files.readString(file).trim());
            } catch (IOException e) {
                throw new IllegalStateException(variable + " names the file " + file + ", which cannot be read", e);
            }
        }
        if (direct == null && looksLikePath) {
            throw new IllegalStateException(variable + " names the file " + file + ", which cannot be read");
        }
        return direct;
    }

    private static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
