package org.confide.events.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one client-access rule of records-service, consent-service and disclosure-service (docs/domain.md R-REC-1). */
class ClientAccessRuleTest {

    private final ClientAccessRule rule = new ClientAccessRule();

    @DisplayName("R-REC-1: only the organisation's staff who work with the client act for it; a facilitator of a group "
            + "the client is a current member of counts as allocated, no other role gains by it")
    @ParameterizedTest(name = "{0} {1}, allocated {2}, facilitates client's group {3} -> {4}")
    @CsvSource(
            nullValues = "null",
            value = {
                "manager,      m1, null, false, true",
                "manager,      m1, p1,   false, true",
                "service,      consent, null, false, true",
                "practitioner, p1, p1,   false, true",
                "practitioner, p2, p1,   false, false",
                "practitioner, p1, null, false, false",
                "practitioner, null, null, true, false",
                // facilitators of the client's group (docs/domain.md "Allocated")
                "practitioner, p2, p1,   true,  true",
                "practitioner, p2, null, true,  true",
                "practitioner, p1, p1,   true,  true",
                "supervisor,   s1, s1,   true,  false",
                "compliance,   c1, c1,   true,  false",
                "partner,      x1, x1,   true,  false",
                "client,       p1, p1,   true,  false",
                "admin,        a1, a1,   true,  false",
            })
    void whoMayAct(String role, String subject, String allocated, boolean facilitates, boolean allowed) {
        assertEquals(allowed, rule.mayAct(Set.of(role), subject, allocated, () -> facilitates));
    }

    @DisplayName("R-REC-1: the group question is asked only when it decides (it costs a query)")
    @ParameterizedTest(name = "{0} {1}, allocated {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "manager,      m1, null",
                "service,      s,  null",
                "practitioner, p1, p1",
                "supervisor,   s1, null",
            })
    void facilitatorQuestionOnlyWhenItDecides(String role, String subject, String allocated) {
        rule.mayAct(Set.of(role), subject, allocated, () -> {
            throw new AssertionError("asked whether " + subject + " facilitates the client's group");
        });
    }
}
