package org.confide.records.retention.rule;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * R-REC-3: notes are kept for a per-organisation period after contact ends, then destroyed beyond recovery;
 * R-REC-4: never while a legal hold stands. Plain Java.
 */
public final class RetentionRule {

    public static final String RULE = "R-REC-3";
    public static final String HOLD_RULE = "R-REC-4";
    public static final int MIN_DAYS = 0;
    /** 100 years. */
    public static final int MAX_DAYS = 36500;

    /** Why a period cannot be set, if it cannot. */
    public Optional<String> invalidPeriod(Integer days) {
        if (days == null) return Optional.of("is required");
        if (days < MIN_DAYS || days > MAX_DAYS) {
            return Optional.of(
                    "must be between " + MIN_DAYS + " and " + MAX_DAYS + " days (0: due as soon as contact ceases)");
        }
        return Optional.empty();
    }

    /** The end of retention: contact ceased plus the period; empty while contact continues. */
    public Optional<OffsetDateTime> retainUntil(OffsetDateTime contactCeasedAt, int days) {
        return Optional.ofNullable(contactCeasedAt).map(t -> t.plusDays(days));
    }

    /** Why a client may not be destroyed now, if it may not: contact continuing, period running, or a hold. */
    public Optional<Refusal> refusal(OffsetDateTime contactCeasedAt, int days, boolean legalHold, OffsetDateTime now) {
        if (legalHold) {
            return Optional.of(
                    new Refusal(HOLD_RULE, "a legal hold stands: destruction is suspended until it is released"));
        }
        if (contactCeasedAt == null) {
            return Optional.of(new Refusal(RULE, "contact has not ceased: the record is still in use"));
        }
        if (contactCeasedAt.plusDays(days).isAfter(now)) {
            return Optional.of(new Refusal(RULE, "the retention period runs until " + contactCeasedAt.plusDays(days)));
        }
        return Optional.empty();
    }

    public record Refusal(String rule, String reason) {}
}
