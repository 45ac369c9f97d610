package org.confide.consent.decision.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.confide.consent.consent.ConsentStatus;
import org.confide.consent.decision.Decision;
import org.confide.consent.decision.Reason;
import org.confide.consent.decision.rule.DecisionRule.Candidate;
import org.confide.consent.decision.rule.DecisionRule.Outcome;
import org.confide.consent.decision.rule.DecisionRule.Request;
import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecisionRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:00Z");
    private final DecisionRule rule = new DecisionRule();

    /**
     * Consents as {@code type/org/categories/purpose/status/until;...}: org {@code -} is none, categories joined by
     * {@code +}, until {@code -} (no end), {@code past} or {@code future}. The request is GP (at {@code requestOrg},
     * {@code -} none), CASE_NOTES, CONTINUING_CARE. {@code consent} is the index of the consent the outcome names.
     */
    @DisplayName("R-CONF-1, R-CONS-2, R-CONS-4, R-CONS-5: every reason and the precedence between them")
    @ParameterizedTest(name = "[{index}] {0} | requestOrg={1} lacksCapacity={2} -> {3} {4} #{5}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                // single consents: every reason
                "''                                                   | - | false | DENY   | NO_CONSENT       | null",
                "GP/-/CASE_NOTES/CONTINUING_CARE/ACTIVE/-             | - | false | PERMIT | CONSENT_ACTIVE   | 0",
                "GP/-/CASE_NOTES/CONTINUING_CARE/ACTIVE/future        | - | false | PERMIT | CONSENT_ACTIVE   | 0",
                "GP/-/CASE_NOTES/CONTINUING_CARE/ACTIVE/past          | - | false | DENY   | EXPIRED          | 0",
                "GP/-/CASE_NOTES/CONTINUING_CARE/EXPIRED/past         | - | false | DENY   | EXPIRED          | 0",
                "GP/-/CASE_NOTES/CONTINUING_CARE/WITHDRAWN/-          | - | false | DENY   | WITHDRAWN        | 0",
                "GP/-/CASE_NOTES/CONTINUING_CARE/PENDING_APPROVAL/-   | - | false | DENY   | PENDING_APPROVAL | 0",
                "GP/-/CASE_NOTES/CONTINUING_CARE/REFUSED/-            | - | false | DENY   | NO_CONSENT       | null",
                "GP/-/CASE_NOTES/CONTINUING_CARE/ACTIVE/-             | - | true  | DENY   | CAPACITY_LACKING | null",
                "''                                                   | - | true  | DENY   | CAPACITY_LACKING | null",
                // what covers a request: type, org if the consent names one, category, purpose
                "POLICE/-/CASE_NOTES/CONTINUING_CARE/ACTIVE/-         | - | false | DENY   | NO_CONSENT       | null",
                "GP/-/ATTENDANCE/CONTINUING_CARE/ACTIVE/-             | - | false | DENY   | NO_CONSENT       | null",
                "GP/-/CASE_NOTES/TRAINING/ACTIVE/-                    | - | false | DENY   | NO_CONSENT       | null",
                "GP/-/ATTENDANCE+CASE_NOTES/CONTINUING_CARE/ACTIVE/-  | - | false | PERMIT | CONSENT_ACTIVE   | 0",
                "GP/gp-1/CASE_NOTES/CONTINUING_CARE/ACTIVE/-          | gp-1 | false | PERMIT | CONSENT_ACTIVE | 0",
                "GP/gp-1/CASE_NOTES/CONTINUING_CARE/ACTIVE/-          | gp-2 | false | DENY | NO_CONSENT     | null",
                "GP/gp-1/CASE_NOTES/CONTINUING_CARE/ACTIVE/-          | -    | false | DENY | NO_CONSENT     | null",
                "GP/-/CASE_NOTES/CONTINUING_CARE/ACTIVE/-             | gp-2 | false | PERMIT | CONSENT_ACTIVE | 0",
                "GP/gp-1/CASE_NOTES/CONTINUING_CARE/WITHDRAWN/-       | gp-2 | false | DENY | NO_CONSENT     | null",
                // precedence: CAPACITY_LACKING > CONSENT_ACTIVE > PENDING_APPROVAL > WITHDRAWN > EXPIRED > NO_CONSENT
                "GP/-/CASE_NOTES/CONTINUING_CARE/WITHDRAWN/-;GP/-/CASE_NOTES/CONTINUING_CARE/ACTIVE/-         | - | false | PERMIT | CONSENT_ACTIVE   | 1",
                "GP/-/CASE_NOTES/CONTINUING_CARE/WITHDRAWN/-;GP/-/CASE_NOTES/CONTINUING_CARE/ACTIVE/-         | - | true  | DENY   | CAPACITY_LACKING | null",
                "GP/-/CASE_NOTES/CONTINUING_CARE/ACTIVE/past;GP/-/CASE_NOTES/CONTINUING_CARE/ACTIVE/future    | - | false | PERMIT | CONSENT_ACTIVE   | 1",
                "GP/-/CASE_NOTES/CONTINUING_CARE/WITHDRAWN/-;GP/-/CASE_NOTES/CONTINUING_CARE/PENDING_APPROVAL/- | - | false | DENY | PENDING_APPROVAL | 1",
                "GP/-/CASE_NOTES/CONTINUING_CARE/ACTIVE/past;GP/-/CASE_NOTES/CONTINUING_CARE/WITHDRAWN/-      | - | false | DENY   | WITHDRAWN        | 1",
                "GP/-/CASE_NOTES/CONTINUING_CARE/REFUSED/-;GP/-/CASE_NOTES/CONTINUING_CARE/EXPIRED/past       | - | false | DENY   | EXPIRED          | 1",
                "GP/-/CASE_NOTES/CONTINUING_CARE/WITHDRAWN/-;POLICE/-/CASE_NOTES/CONTINUING_CARE/ACTIVE/-     | - | false | DENY   | WITHDRAWN        | 0",
                "GP/-/CASE_NOTES/CONTINUING_CARE/EXPIRED/past;GP/-/ATTENDANCE/CONTINUING_CARE/PENDING_APPROVAL/- | - | false | DENY | EXPIRED        | 0",
            })
    void decides(
            String consents,
            String requestOrg,
            boolean lacksCapacity,
            Decision decision,
            Reason reason,
            Integer consentIndex) {
        List<Candidate> candidates = parse(consents);
        Request request = new Request(
                RecipientType.GP,
                "-".equals(requestOrg) ? null : requestOrg,
                Category.CASE_NOTES,
                Purpose.CONTINUING_CARE);
        Outcome outcome = rule.decide(request, candidates, lacksCapacity, NOW);
        assertEquals(decision, outcome.decision());
        assertEquals(reason, outcome.reason());
        assertEquals(consentIndex == null ? null : candidates.get(consentIndex).consentId(), outcome.consentId());
    }

    @DisplayName(
            "R-CONS-4: an ACTIVE consent is EXPIRED from the instant validUntil is reached, other states stay as stored")
    @ParameterizedTest(name = "{0} until {1} -> {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "ACTIVE,           null,                  ACTIVE",
                "ACTIVE,           2026-11-22T10:15:01Z,  ACTIVE",
                "ACTIVE,           2026-11-22T10:15:00Z,  EXPIRED",
                "ACTIVE,           2026-11-21T00:00:00Z,  EXPIRED",
                "WITHDRAWN,        2026-11-21T00:00:00Z,  WITHDRAWN",
                "PENDING_APPROVAL, 2026-11-21T00:00:00Z,  PENDING_APPROVAL",
                "REFUSED,          null,                  REFUSED",
            })
    void effectiveStatus(ConsentStatus stored, Instant validUntil, ConsentStatus effective) {
        assertEquals(effective, DecisionRule.effectiveStatus(stored, validUntil, NOW));
    }

    private static List<Candidate> parse(String spec) {
        List<Candidate> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) return out;
        for (String one : spec.split(";")) {
            String[] f = one.trim().split("/");
            Instant until = switch (f[5]) {
                case "past" -> NOW.minus(Duration.ofDays(1));
                case "future" -> NOW.plus(Duration.ofDays(1));
                default -> null;
            };
            out.add(new Candidate(
                    UUID.randomUUID(),
                    RecipientType.valueOf(f[0]),
                    "-".equals(f[1]) ? null : f[1],
                    Arrays.stream(f[2].split("\\+")).map(Category::valueOf).collect(Collectors.toSet()),
                    Purpose.valueOf(f[3]),
                    ConsentStatus.valueOf(f[4]),
                    NOW.minus(Duration.ofDays(30)),
                    until));
        }
        return out;
    }
}
