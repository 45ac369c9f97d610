package org.confide.consent.decision.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.confide.consent.decision.Decision;
import org.confide.consent.decision.Reason;
import org.confide.consent.decision.rule.DecisionRule.Outcome;
import org.confide.consent.decision.rule.GroupDecisionRule.GroupOutcome;
import org.confide.consent.decision.rule.GroupDecisionRule.Member;
import org.confide.events.codes.Category;
import org.confide.events.codes.RecipientType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupDecisionRuleTest {

    private final GroupDecisionRule rule = new GroupDecisionRule();

    /**
     * Members' own decisions as {@code P} (permit) or a DENY reason, joined by {@code +}; {@code left:} before one marks a
     * member who has left; empty: no member at all.
     */
    @DisplayName("R-CONF-3: a group's matter is shared only with every current member's consent, logistics apart")
    @ParameterizedTest(name = "[{index}] exempt={0} members={1} -> {2} {3} missing={4}")
    @CsvSource(
            value = {
                // every member consents
                "false, P+P+P,                          PERMIT, CONSENT_ACTIVE,           0",
                "false, P,                              PERMIT, CONSENT_ACTIVE,           0",
                // one missing, one withdrawn, one lacking capacity (R-CONS-5), pending approval, expired
                "false, P+NO_CONSENT+P,                 DENY,   GROUP_CONSENT_INCOMPLETE, 1",
                "false, P+WITHDRAWN+P,                  DENY,   GROUP_CONSENT_INCOMPLETE, 1",
                "false, P+P+CAPACITY_LACKING,           DENY,   GROUP_CONSENT_INCOMPLETE, 1",
                "false, WITHDRAWN+CAPACITY_LACKING+P,   DENY,   GROUP_CONSENT_INCOMPLETE, 2",
                "false, NO_CONSENT+PENDING_APPROVAL,    DENY,   GROUP_CONSENT_INCOMPLETE, 2",
                "false, EXPIRED,                        DENY,   GROUP_CONSENT_INCOMPLETE, 1",
                // a member who left counts neither way
                "false, P+P+left:NO_CONSENT,            PERMIT, CONSENT_ACTIVE,           0",
                "false, P+left:P+WITHDRAWN,             DENY,   GROUP_CONSENT_INCOMPLETE, 1",
                "false, left:P+left:P,                  DENY,   NO_CONSENT,               0",
                // empty group: nobody has consented
                "false, '',                             DENY,   NO_CONSENT,               0",
                // logistics to the organisation's own staff
                "true,  NO_CONSENT+NO_CONSENT,          PERMIT, LOGISTICS_EXEMPT,         0",
                "true,  '',                             PERMIT, LOGISTICS_EXEMPT,         0",
            })
    void decides(boolean exempt, String members, Decision decision, Reason reason, int missing) {
        List<Member> outcomes = members.isBlank()
                ? List.of()
                : Arrays.stream(members.split("\\+"))
                        .map(m -> new Member(!m.startsWith("left:"), outcome(m.replace("left:", ""))))
                        .toList();
        assertEquals(new GroupOutcome(decision, reason, missing), rule.decide(exempt, outcomes));
    }

    private static Outcome outcome(String code) {
        return code.equals("P")
                ? new Outcome(Decision.PERMIT, Reason.CONSENT_ACTIVE, null)
                : new Outcome(Decision.DENY, Reason.valueOf(code), null);
    }

    @DisplayName("R-CONF-3: only LOGISTICS to STAFF of the group's own organisation is exempt")
    @ParameterizedTest(name = "{0} to {1} at {2} -> exempt={3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "LOGISTICS,  STAFF,       null,      true",
                "LOGISTICS,  STAFF,       org-a,     true",
                "LOGISTICS,  STAFF,       org-b,     false",
                "LOGISTICS,  PARTNER_ORG, null,      false",
                "ATTENDANCE, STAFF,       null,      false",
                "CASE_NOTES, STAFF,       org-a,     false",
            })
    void logistics(Category category, RecipientType type, String recipientOrg, boolean exempt) {
        assertEquals(exempt, GroupDecisionRule.logisticsExempt(type, recipientOrg, category, "org-a"));
    }
}
