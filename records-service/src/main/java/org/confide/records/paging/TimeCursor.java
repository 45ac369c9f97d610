package org.confide.records.paging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.confide.platform.paging.PageRequest;
import org.confide.platform.problem.ProblemException;

/** The last (time, id) of a page ordered by time then id: keyset paging for lists in time order. */
public record TimeCursor(OffsetDateTime at, UUID id) {

    public static TimeCursor of(PageRequest page) {
        if (page.after() == null) return null;
        String[] parts = page.after().split("\\|", 2);
        try {
            return new TimeCursor(
                    OffsetDateTime.ofInstant(Instant.parse(parts[0]), ZoneOffset.UTC), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this service issued");
        }
    }

    public static String next(int size, PageRequest page, OffsetDateTime lastAt, UUID lastId) {
        return size == page.limit() ? PageRequest.encode(lastAt.toInstant() + "|" + lastId) : null;
    }
}
