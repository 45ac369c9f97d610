package org.confide.records.client.rule;

import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * R-REC-1: no one but the organisation's own staff who work with the client sees the record.
 * Managers see every client of their organisation; a practitioner only the clients allocated to them, where a
 * facilitator of a group or network counts as allocated to its current members (docs/api.md groups).
 * (Another organisation's client never reaches this rule: it is not found.)
 */
public final class ClientAccessRule {

    public static final String RULE = "R-REC-1";

    /**
     * {@code facilitatesClientsGroup}: whether the subject facilitates a group of which the client is a current member;
     * asked only when it decides (a practitioner not allocated otherwise), since answering it costs a query.
     */
    public boolean mayRead(Set<String> roles, String subject, String allocatedPractitionerId,
                           BooleanSupplier facilitatesClientsGroup) {
        if (roles.contains("manager")) {
            return true;
        }
        return roles.contains("practitioner") && subject != null
                && (subject.equals(allocatedPractitionerId) || facilitatesClientsGroup.getAsBoolean());
    }
}
