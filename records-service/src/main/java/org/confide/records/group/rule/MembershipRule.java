package org.confide.records.group.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may join a group and who may be recorded as attending. Plain Java.
 * <ul>
 * <li>R-CONF-3: joining needs the member's agreement to the ground rules (what is said in the room stays there).</li>
 * <li>R-CONF-4: a member is a registered client or an anonymous one known only by an alias (exactly one of the two).</li>
 * <li>Attendance: only current members of the group attend its sessions.</li>
 * </ul>
 */
public final class MembershipRule {

    public static final String GROUND_RULES = "R-CONF-3";
    public static final String ANONYMITY = "R-CONF-4";
    public static final int MAX_ALIAS = 100;

    /** A refusal: the rule (may be null), the field it names and why. */
    public record Refusal(String rule, String field, String message) {}

    /** Why this joining request is refused, if it is: the shape first, then the ground rules (R-CONF-3). */
    public Optional<Refusal> joinRefusal(boolean hasClientId, String alias, Boolean groundRulesAgreed) {
        if (alias != null && alias.isBlank()) {
            return Optional.of(new Refusal(ANONYMITY, "alias", "must not be blank"));
        }
        if (alias != null && alias.strip().length() > MAX_ALIAS) {
            return Optional.of(new Refusal(ANONYMITY, "alias", "must be at most " + MAX_ALIAS + " characters"));
        }
        if (hasClientId == (alias != null)) {
            return Optional.of(new Refusal(
                    ANONYMITY,
                    hasClientId ? "alias" : "clientId",
                    "give exactly one of clientId (a registered client) or alias (an anonymous member)"));
        }
        if (!Boolean.TRUE.equals(groundRulesAgreed)) {
            return Optional.of(
                    new Refusal(
                            GROUND_RULES,
                            "groundRulesAgreed",
                            "the member must agree to the ground rules (what is said in the room stays in the room) before joining"));
        }
        return Optional.empty();
    }

    /** The attendees who are not current members of the group, in the order given; empty when all may attend. */
    public List<Object> notCurrentMembers(Collection<?> attendees, Set<?> currentMembers) {
        List<Object> out = new ArrayList<>();
        for (Object a : attendees) {
            if (!currentMembers.contains(a)) out.add(a);
        }
        return out;
    }
}
