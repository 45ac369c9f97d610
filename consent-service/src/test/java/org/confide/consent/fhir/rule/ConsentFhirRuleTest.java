package org.confide.consent.fhir.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.confide.consent.consent.ConsentStatus;
import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConsentFhirRuleTest {

    static final Instant FROM = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    static final Instant WITHDRAWN = Instant.parse("2026-06-01T12:30:00.123Z");

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(ConsentStatus.PENDING_APPROVAL, null, "proposed", "2027-01-01T00:00:00Z"),
                Arguments.of(ConsentStatus.ACTIVE, null, "active", "2027-01-01T00:00:00Z"),
                Arguments.of(ConsentStatus.REFUSED, null, "rejected", "2027-01-01T00:00:00Z"),
                Arguments.of(ConsentStatus.WITHDRAWN, WITHDRAWN, "inactive", "2026-06-01T12:30:00.123Z"),
                Arguments.of(ConsentStatus.EXPIRED, null, "inactive", "2027-01-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0} -> {2}, period ends {3}")
    @MethodSource("statuses")
    @DisplayName("R-CONS-4: Confide's status as FHIR R4 consent-state-codes; withdrawn and expired are inactive, the"
            + " period ending when the permit stopped")
    void status(ConsentStatus status, Instant withdrawnAt, String fhir, String end) {
        FhirConsent c = new ConsentFhirRule().toFhir(facts(status, withdrawnAt, Purpose.CONTINUING_CARE));
        assertEquals(fhir, c.status());
        assertEquals("permit", c.provision().type());
        assertEquals("2026-01-01T10:00:00Z", c.provision().period().start());
        assertEquals(end, c.provision().period().end());
    }

    static Stream<Arguments> purposes() {
        return Stream.of(
                Arguments.of(Purpose.CONTINUING_CARE, List.of("CONTINUING_CARE", "TREAT")),
                Arguments.of(Purpose.REFERRAL_UPDATES, List.of("REFERRAL_UPDATES", "COC")),
                Arguments.of(Purpose.SUPERVISION, List.of("SUPERVISION", "HOPERAT")),
                Arguments.of(Purpose.TRAINING, List.of("TRAINING", "TRAIN")),
                Arguments.of(Purpose.SAFEGUARDING, List.of("SAFEGUARDING")),
                Arguments.of(Purpose.LETTER, List.of("LETTER")),
                Arguments.of(Purpose.CASE_STUDY, List.of("CASE_STUDY")),
                Arguments.of(Purpose.GROUP_WORK, List.of("GROUP_WORK")),
                Arguments.of(Purpose.RECORDING, List.of("RECORDING")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("purposes")
    @DisplayName("R-CONS-1: the purpose as Confide's code, and as v3 PurposeOfUse where one means the same")
    void purpose(Purpose purpose, List<String> codes) {
        FhirConsent c = new ConsentFhirRule().toFhir(facts(ConsentStatus.ACTIVE, null, purpose));
        assertEquals(codes, c.provision().purpose().stream().map(p -> p.code()).toList());
        assertEquals(
                ConsentFhirRule.PURPOSE_SYSTEM,
                c.provision().purpose().getFirst().system());
    }

    static Stream<Arguments> recipients() {
        return Stream.of(
                Arguments.of(RecipientType.GP, "Organization"),
                Arguments.of(RecipientType.POLICE, "Organization"),
                Arguments.of(RecipientType.FAMILY, "RelatedPerson"),
                Arguments.of(RecipientType.NAMED_PERSON, "RelatedPerson"),
                Arguments.of(RecipientType.SUPERVISOR, "Practitioner"),
                Arguments.of(RecipientType.STAFF, "Organization"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("recipients")
    @DisplayName("R-CONS-1: the recipient is the provision's actor in the information recipient role, by type")
    void recipient(RecipientType type, String resource) {
        FhirConsent.Actor a = ConsentFhirRuleTest.actor(type);
        assertEquals("IRCP", a.role().coding().getFirst().code());
        assertEquals(resource, a.reference().type());
        assertEquals(type.name(), a.extension().getFirst().valueCode());
    }

    static FhirConsent.Actor actor(RecipientType type) {
        ConsentFhirRule.Facts f = new ConsentFhirRule.Facts(
                "c1",
                "org1",
                "client1",
                type,
                null,
                List.of(Category.CASE_NOTES),
                Purpose.CONTINUING_CARE,
                ConsentStatus.ACTIVE,
                FROM,
                null,
                null,
                FROM,
                FROM);
        return new ConsentFhirRule().toFhir(f).provision().actor().getFirst();
    }

    static ConsentFhirRule.Facts facts(ConsentStatus status, Instant withdrawnAt, Purpose purpose) {
        return new ConsentFhirRule.Facts(
                "c1",
                "org1",
                "client1",
                RecipientType.GP,
                "gp-1",
                List.of(Category.CASE_NOTES, Category.ATTENDANCE),
                purpose,
                status,
                FROM,
                UNTIL,
                withdrawnAt,
                FROM,
                FROM);
    }
}
