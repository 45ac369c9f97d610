package org.confide.events.access;

import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * R-REC-1, records-service's published client-access rule (docs/domain.md "Roles", "Allocated"): who works with a
 * client of the caller's own organisation. records-service asks it from its own tables; consent-service and
 * disclosure-service from their allocation copy of records-service's events. Managers (and services, which act for
 * the organisation) act for every client; a practitioner only for the clients allocated to them, where a facilitator
 * of a group or network the client is a current member of counts as allocated. No other role works with a client.
 * (Another organisation's client never reaches this rule: it is not found.)
 */
public final class ClientAccessRule {

    public static final String RULE = "R-REC-1";

    private static final String MANAGER = "manager";
    private static final String SERVICE = "service";
    private static final String PRACTITIONER = "practitioner";

    /**
     * {@code facilitatesClientsGroup}: whether the subject facilitates a group of which the client is a current member;
     * asked only when it decides (a practitioner not allocated otherwise), since answering it costs a query.
     */
    public boolean mayAct(
            Set<String> roles,
            String subject,
            String allocatedPractitionerId,
            BooleanSupplier facilitatesClientsGroup) {
        if (roles.contains(MANAGER) || roles.contains(SERVICE)) {
            return true;
        }
        return roles.contains(PRACTITIONER)
                && subject != null
                && (subject.equals(allocatedPractitionerId) || facilitatesClientsGroup.getAsBoolean());
    }
}
