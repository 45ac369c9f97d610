package org.confide.consent.decision.rule;

import java.util.List;
import org.confide.consent.decision.Decision;
import org.confide.consent.decision.Reason;
import org.confide.consent.decision.rule.DecisionRule.Outcome;
import org.confide.events.codes.Category;
import org.confide.events.codes.RecipientType;

/**
 * R-CONF-3: a group's or network's matters are not shared without the consent of everyone in it, logistics apart.
 * <ol>
 *   <li>{@code LOGISTICS} to recipient type {@code STAFF} of the group's own organisation: PERMIT {@code LOGISTICS_EXEMPT}.</li>
 *   <li>Only current members count: one who has left neither permits nor holds the decision back.</li>
 *   <li>No current member (an empty group, or everyone left): DENY {@code NO_CONSENT} (nobody has consented).</li>
 *   <li>Every current member's own decision permits: PERMIT {@code CONSENT_ACTIVE}.</li>
 *   <li>Otherwise DENY {@code GROUP_CONSENT_INCOMPLETE} with the number of members whose decision does not permit
 *       (a count only: members never learn of each other through Confide, R-CONF-4).</li>
 * </ol>
 */
public final class GroupDecisionRule {

    public static final String RULE = "R-CONF-3";

    public record GroupOutcome(Decision decision, Reason reason, int missingMembers) {}

    /** Whether the request is the logistics exemption: logistics to the staff of the group's own organisation. */
    public static boolean logisticsExempt(
            RecipientType recipientType, String recipientOrgId, Category category, String groupOrg) {
        return category == Category.LOGISTICS
                && recipientType == RecipientType.STAFF
                && (recipientOrgId == null || recipientOrgId.equals(groupOrg));
    }

    /** One member the group has had: {@code outcome}, the member's own decision, is needed only for a current member. */
    public record Member(boolean current, Outcome outcome) {}

    public GroupOutcome decide(boolean logisticsExempt, List<Member> members) {
        if (logisticsExempt) {
            return new GroupOutcome(Decision.PERMIT, Reason.LOGISTICS_EXEMPT, 0);
        }
        List<Outcome> current =
                members.stream().filter(Member::current).map(Member::outcome).toList();
        if (current.isEmpty()) {
            return new GroupOutcome(Decision.DENY, Reason.NO_CONSENT, 0);
        }
        int missing = (int) current.stream().filter(o -> !o.permits()).count();
        return missing == 0
                ? new GroupOutcome(Decision.PERMIT, Reason.CONSENT_ACTIVE, 0)
                : new GroupOutcome(Decision.DENY, Reason.GROUP_CONSENT_INCOMPLETE, missing);
    }
}
