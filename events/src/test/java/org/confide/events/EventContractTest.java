package org.confide.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventContractTest {

    /** docs/api.md "Events": every type by topic. */
    private static final Map<String, List<String>> API = Map.of(
            Topics.CONSENT,
                    List.of(
                            "consent.granted",
                            "consent.approved",
                            "consent.withdrawn",
                            "consent.expired",
                            "consent.decided",
                            "capacity.assessed"),
            Topics.DISCLOSURE,
                    List.of(
                            "disclosure.raised",
                            "disclosure.client-involved",
                            "disclosure.consulted",
                            "disclosure.decided",
                            "disclosure.shared",
                            "disclosure.followed-up",
                            "disclosure.closed",
                            "policy.changed",
                            "partner-decision.proposed",
                            "partner-decision.supported",
                            "partner-decision.took-effect"),
            Topics.RECORDS,
                    List.of(
                            "client.registered",
                            "referral.received",
                            "milestone.recorded",
                            "referrer.notified",
                            "note.written",
                            "record.accessed",
                            "supervision.viewed",
                            "letter.drafted",
                            "letter.approved",
                            "letter.sent",
                            "file.accessed",
                            "legal-hold.set",
                            "legal-hold.released",
                            "client.destroyed",
                            "group.created",
                            "group.facilitator-added",
                            "group.member-joined",
                            "group.member-left",
                            "group.session-recorded",
                            "supervision.agreement-assigned",
                            "supervision.agreement-ended",
                            "client.supervision-explained",
                            "client.statement-explained",
                            "statement.published",
                            "statement.acknowledged",
                            "group.member-asked-to-leave",
                            "group.session-ended",
                            "group.member-excluded",
                            "group.exclusion-lifted",
                            "complaint.received",
                            "complaint.status-changed",
                            "client.age-band-changed"));

    static Stream<EventType> types() {
        return Events.all().stream();
    }

    @Test
    @DisplayName("docs/api.md Events: every event type of the contract is declared once, on its service's topic")
    void everyTypeOnce() {
        Map<String, List<String>> declared = Events.all().stream()
                .collect(Collectors.groupingBy(
                        EventType::topic, Collectors.mapping(EventType::name, Collectors.toList())));
        assertEquals(API, declared);
        assertEquals(49, Events.all().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    @DisplayName("an event with every field set goes to data and back unchanged, every field present")
    void roundTrip(EventType t) throws Exception {
        EventData sample = Events.sample(t);
        Map<String, Object> data = Events.toData(sample);
        assertEquals(t.fieldNames(), data.keySet());
        assertEquals(sample, Events.fromData(t.name(), data));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    @DisplayName("the key names what the events stay in order for: the client, the group, or the organisation")
    void keyRule(EventType t) {
        Map<String, EventType.Field> fields =
                t.fields().stream().collect(Collectors.toMap(EventType.Field::name, f -> f));
        EventData sample = Events.sample(t);
        switch (t.key()) {
            case CLIENT -> {
                assertFalse(fields.get("clientId").nullable(), t + ": keyed by a client it must name");
                assertEquals(Events.toData(sample).get("clientId"), t.keyOf(sample, "org-1"));
            }
            case GROUP -> {
                assertFalse(fields.get("groupId").nullable(), t + ": keyed by a group it must name");
                assertEquals(Events.toData(sample).get("groupId"), t.keyOf(sample, "org-1"));
            }
            case CLIENT_OR_GROUP -> assertTrue(fields.containsKey("clientId") && fields.containsKey("groupId"));
            case ORGANISATION -> {
                assertEquals("org-1", t.keyOf(sample, "org-1"));
                assertNull(t.subjectOf(sample));
            }
        }
    }

    @Test
    @DisplayName(
            "docs/api.md Events on the wire: group events by the group id, policy.changed by the organisation, a group's decision by the group")
    void keysOfGroupsAndPolicy() {
        assertEquals(Key.GROUP, Events.byName("group.created").orElseThrow().key());
        assertEquals(
                Key.GROUP, Events.byName("group.session-recorded").orElseThrow().key());
        assertEquals(
                Key.ORGANISATION, Events.byName("policy.changed").orElseThrow().key());
        var decided = new ConsentEvents.Decided(
                "GP",
                null,
                "CASE_NOTES",
                "CONTINUING_CARE",
                null,
                "group-1",
                "DENY",
                "GROUP_CONSENT_INCOMPLETE",
                null,
                2,
                "R-CONF-3");
        assertEquals("group-1", Events.of(decided).keyOf(decided, "org-1"));
        var forClient = new ConsentEvents.Decided(
                "GP",
                null,
                "CASE_NOTES",
                "CONTINUING_CARE",
                "client-1",
                null,
                "PERMIT",
                "CONSENT_ACTIVE",
                "consent-1",
                null,
                "R-CONF-1");
        assertEquals("client-1", Events.of(forClient).keyOf(forClient, "org-1"));
    }

    /** A record that declares what the contract forbids. */
    @Type("bad.free-text")
    record FreeText(@Id String clientId, String note) {}

    @Type("bad.nested")
    record Nested(@Id String clientId, Map<String, String> details) {}

    @Type("bad.two-marks")
    record TwoMarks(@Id @Code String clientId) {}

    @Type("bad.list")
    record ListOfNumbers(List<Integer> counts) {}

    @Test
    @DisplayName(
            "R-CONF-1: free text cannot be declared: text unmarked as id, code or rule id, a nested object, or a list of anything but text is refused")
    void freeTextCannotBeDeclared() {
        for (Class<?> bad : List.of(FreeText.class, Nested.class, TwoMarks.class, ListOfNumbers.class)) {
            assertThrows(IllegalStateException.class, () -> Events.describe(Topics.RECORDS, bad), bad.getSimpleName());
        }
    }

    @Test
    @DisplayName("every declared text field is an id, a code or a rule id (the registry reads them all)")
    void everyTextFieldMarked() {
        Set<EventType.Kind> kinds = Events.all().stream()
                .flatMap(t -> t.fields().stream())
                .map(EventType.Field::kind)
                .collect(Collectors.toSet());
        assertEquals(Set.of(EventType.Kind.values()), kinds);
    }

    @Test
    @DisplayName(
            "a sentence in a code or rule-id field is refused when the event is made, and the message does not repeat it")
    void sentenceInACodeIsRefused() {
        var granted = new ConsentEvents.Granted(
                "c-1",
                "client-1",
                "ACTIVE",
                "GP",
                null,
                "CONTINUING_CARE",
                List.of("CASE_NOTES"),
                "signed by Jane Doe on paper",
                null,
                "R-CONS-1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Events.toData(granted));
        assertFalse(e.getMessage().contains("Jane"), e.getMessage());
        var involved = new DisclosureEvents.ClientInvolved(
                "case-1", "client-1", null, "RAISED", "JUSTIFIED", null, true, "AGREED", "she agreed");
        assertThrows(IllegalArgumentException.class, () -> Events.toData(involved));
    }

    @Test
    @DisplayName(
            "a required field left out is refused on writing and on reading; an absent optional one is left out of data")
    void requiredFields() {
        var noMethod = new ConsentEvents.Granted(
                "c-1",
                "client-1",
                "ACTIVE",
                "GP",
                null,
                "CONTINUING_CARE",
                List.of("CASE_NOTES"),
                null,
                null,
                "R-CONS-1");
        assertThrows(IllegalArgumentException.class, () -> Events.toData(noMethod));
        var ok = new ConsentEvents.Granted(
                "c-1",
                "client-1",
                "ACTIVE",
                "GP",
                null,
                "CONTINUING_CARE",
                List.of("CASE_NOTES"),
                "VERBAL",
                Instant.parse("2027-01-31T00:00:00Z"),
                "R-CONS-1");
        Map<String, Object> data = new LinkedHashMap<>(Events.toData(ok));
        assertFalse(data.containsKey("recipientOrgId"));
        assertEquals("2027-01-31T00:00:00Z", data.get("validUntil"));
        data.remove("method");
        EventDataException missing =
                assertThrows(EventDataException.class, () -> Events.fromData("consent.granted", data));
        assertTrue(missing.getMessage().contains("method"), missing.getMessage());
    }

    @Test
    @DisplayName("reading: an unknown type, a value of the wrong kind, and a field no type declares")
    void reading() throws Exception {
        assertThrows(EventDataException.class, () -> Events.fromData("nothing.happened", Map.of()));
        Map<String, Object> data = new HashMap<>(
                Events.toData(new RecordsEvents.GroupSessionRecorded("g-1", "s-1", 2, List.of("m-1", "m-2"))));
        data.put("attendeeCount", "two");
        assertThrows(EventDataException.class, () -> Events.fromData("group.session-recorded", data));
        data.put("attendeeCount", 2L);
        data.put("addedLater", "X");
        assertEquals(
                new RecordsEvents.GroupSessionRecorded("g-1", "s-1", 2, List.of("m-1", "m-2")),
                Events.fromData("group.session-recorded", data));
    }
}
