package org.confide.audit.fhir.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditEventFhirRuleTest {

    @ParameterizedTest(name = "{0} -> action {1}, type {2}")
    @CsvSource({
        "record.accessed, R, 110110",
        "file.accessed, R, 110110",
        "supervision.viewed, R, 110110",
        "client.registered, C, 110110",
        "consent.granted, C, 110110",
        "disclosure.raised, C, 110110",
        "note.written, C, 110110",
        "capacity.assessed, C, 110110",
        "consent.withdrawn, U, 110110",
        "disclosure.decided, U, 110110",
        "consent.decided, E, 110110",
        "client.destroyed, D, 110110",
        "disclosure.shared, U, 110106",
        "letter.sent, U, 110106",
        "referrer.notified, U, 110106",
    })
    @DisplayName("R-PROC-3: the event type as FHIR audit-event-action and DICOM event type; a share is an Export")
    void actionAndType(String type, String action, String dicom) {
        assertEquals(action, AuditEventFhirRule.action(type));
        assertEquals(dicom, AuditEventFhirRule.type(type, true).code());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"policy.changed, 110100", "statement.published, 110100", "disclosure.shared, 110106"})
    @DisplayName("R-PROC-3: an entry about no client is the service's own activity")
    void noClient(String type, String dicom) {
        assertEquals(dicom, AuditEventFhirRule.type(type, false).code());
    }
}
