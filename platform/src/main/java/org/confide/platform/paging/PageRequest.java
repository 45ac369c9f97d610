package org.confide.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.confide.platform.problem.ProblemException;

/**
 * {@code ?limit=&cursor=} of every list: limit 1..500 (default 50); the cursor is an opaque token that
 * carries the last key of the previous page (keyset paging, so pages stay stable while rows are added).
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest of(Integer limit, String cursor) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(l, cursor == null || cursor.isBlank() ? null : decode(cursor));
    }

    public static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this service issued");
        }
    }

    /** The key after which the page starts, as a long (for seq-keyed lists). */
    public long afterLong(long none) {
        if (after == null) return none;
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this service issued");
        }
    }
}
