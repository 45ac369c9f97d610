package org.confide.consent.capacity.rule;

import java.util.Optional;
import java.util.UUID;
import org.confide.consent.capacity.AssessmentKind;
import org.confide.events.age.ConsentAgeBand;

/**
 * R-CONS-6: under 16 there is no presumption of capacity; a young person's consent is valid only with a recorded
 * competence (Gillick) assessment for that matter that found them competent. When a person is found to lack capacity,
 * this is explained to them and, where they have one, to their significant other, and the explanation is recorded.
 * <ul>
 *   <li>An UNKNOWN band is read as {@link UnknownAge} says: {@code ASSESS} (default, strictest) as under 16,
 *       {@code PRESUME} as 16 or over.</li>
 *   <li>A competence assessment is for a client who is (or is read as) under 16; from 16 capacity is assessed
 *       (kind CAPACITY, R-CONS-5).</li>
 * </ul>
 * Plain Java.
 */
public final class CompetenceRule {

    public static final String RULE = "R-CONS-6";

    /** How an UNKNOWN age band is read (setting {@code confide.consent.age-band.unknown}). */
    public enum UnknownAge {
        /** As under 16: a competence assessment is needed (the strictest reading). */
        ASSESS,
        /** As 16 or over: capacity is presumed. */
        PRESUME
    }

    /** A refusal: the rule, the field it is about and why. */
    public record Refusal(String rule, String field, String message) {}

    /** The latest assessment for the matter, as the rule needs it. */
    public record Latest(UUID id, AssessmentKind kind, boolean hasCapacity) {}

    /** What the assessor records; the explanations matter only when capacity is found lacking. */
    public record Finding(
            AssessmentKind kind,
            boolean hasCapacity,
            String explanationToPerson,
            Boolean hasSignificantOther,
            String explanationToSignificantOther) {}

    /** Whether there is no presumption of capacity for a client of {@code band}. */
    public boolean noPresumption(String band, UnknownAge unknown) {
        if (ConsentAgeBand.UNDER_16.equals(band)) return true;
        if (ConsentAgeBand.SIXTEEN_OR_OVER.equals(band)) return false;
        return unknown != UnknownAge.PRESUME;
    }

    /**
     * Why an under-16's consent (or one read as such) cannot be recorded, if it cannot: the latest assessment for the
     * matter must be a competence assessment that found them competent. Empty when the rule does not apply.
     */
    public Optional<Refusal> consentRefusal(String band, UnknownAge unknown, Latest latest) {
        if (!noPresumption(band, unknown)) return Optional.empty();
        String who = ConsentAgeBand.UNDER_16.equals(band) ? "the client is under 16" : "the client's age is not known";
        if (latest == null || latest.kind() != AssessmentKind.COMPETENCE) {
            return Optional.of(new Refusal(
                    RULE,
                    "clientId",
                    who
                            + ": their consent is valid only with a recorded competence (Gillick) assessment for information "
                            + "sharing (POST /capacity-assessments with kind COMPETENCE)"));
        }
        if (!latest.hasCapacity()) {
            return Optional.of(new Refusal(
                    RULE,
                    "clientId",
                    who + ": the latest competence assessment for information sharing found them not competent"));
        }
        return Optional.empty();
    }

    /** Why an assessment cannot be recorded, if it cannot. */
    public Optional<Refusal> assessmentRefusal(Finding f, String band, UnknownAge unknown) {
        if (f.kind() == AssessmentKind.COMPETENCE && !noPresumption(band, unknown)) {
            return Optional.of(new Refusal(
                    RULE,
                    "kind",
                    "a competence (Gillick) assessment is for a client under 16; "
                            + "from 16 capacity is presumed and assessed as kind CAPACITY (R-CONS-5)"));
        }
        if (f.hasCapacity()) return Optional.empty();
        if (blank(f.explanationToPerson())) {
            return Optional.of(new Refusal(
                    RULE,
                    "explanationToPerson",
                    "a finding that capacity is lacking must record how it was explained to the person"));
        }
        if (f.hasSignificantOther() == null) {
            return Optional.of(new Refusal(
                    RULE,
                    "hasSignificantOther",
                    "say whether the person has a significant other, to whom the finding is then explained"));
        }
        if (f.hasSignificantOther() && blank(f.explanationToSignificantOther())) {
            return Optional.of(new Refusal(
                    RULE,
                    "explanationToSignificantOther",
                    "the person has a significant other: record how the finding was explained to them"));
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
