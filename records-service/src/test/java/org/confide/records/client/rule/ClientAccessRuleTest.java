package org.confide.records.client.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAccessRuleTest {

    private final ClientAccessRule rule = new ClientAccessRule();

    @DisplayName("R-REC-1: only the organisation's staff who work with the client read the record")
    @ParameterizedTest(name = "{0} {1}, allocated {2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "manager,      m1, null, true",
            "manager,      m1, p1,   true",
            "practitioner, p1, p1,   true",
            "practitioner, p2, p1,   false",
            "practitioner, p1, null, false",
            "supervisor,   s1, s1,   false",
            "compliance,   c1, c1,   false",
            "partner,      x1, x1,   false",
            "client,       p1, p1,   false",
    })
    void whoMayRead(String role, String subject, String allocated, boolean allowed) {
        assertEquals(allowed, rule.mayRead(Set.of(role), subject, allocated, () -> false));
    }

    @DisplayName("R-REC-1: a facilitator of a group the client is a current member of counts as allocated; no other role gains by it")
    @ParameterizedTest(name = "{0} {1}, allocated {2}, facilitates client's group {3} -> {4}")
    @CsvSource(nullValues = "null", value = {
            "practitioner, p2, p1,   true,  true",
            "practitioner, p2, null, true,  true",
            "practitioner, p2, p1,   false, false",
            "practitioner, p1, p1,   false, true",
            "manager,      m1, null, false, true",
            "supervisor,   s1, null, true,  false",
            "client,       c1, null, true,  false",
            "partner,      x1, null, true,  false",
            "compliance,   k1, null, true,  false",
    })
    void facilitatorCountsAsAllocated(String role, String subject, String allocated, boolean facilitates, boolean allowed) {
        assertEquals(allowed, rule.mayRead(Set.of(role), subject, allocated, () -> facilitates));
    }
}
