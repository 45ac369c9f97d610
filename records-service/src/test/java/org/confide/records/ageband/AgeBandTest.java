package org.confide.records.ageband;

import static org.confide.records.Fixtures.ORG;
import static org.confide.records.Fixtures.acceptPartners;
import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.client;
import static org.confide.records.Fixtures.outbox;
import static org.confide.records.Fixtures.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.confide.records.ageband.service.AgeBandSweep;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-CONS-6: records-service publishes the consent age band, never the date of birth, and announces turning 16. */
@QuarkusTest
class AgeBandTest {

    @Inject
    AgeBandSweep sweep;

    static String register(String dateOfBirth) {
        String dob = dateOfBirth == null ? "" : ", \"dateOfBirth\": \"" + dateOfBirth + "\"";
        return as("practitioner", "prac-age")
                .body("{\"identity\": {\"fullName\": \"Robin Young\"" + dob
                        + "}, \"programme\": \"COUNSELLING\", \"limitsExplained\": true}")
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String band(String type, String clientId) {
        return outbox(type, clientId).getFirst().get("data").get("ageBand").asText();
    }

    @Test
    @DisplayName(
            "R-CONS-6: client.registered and referral.received carry the age band (UNDER_16, 16_OR_OVER, UNKNOWN), never the date of birth")
    void registrationCarriesTheBand() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String young = today.minusYears(15).toString();
        String child = register(young);
        assertEquals("UNDER_16", band("client.registered", child));
        assertFalse(outbox("client.registered", child).toString().contains(young), "no date of birth in the event");
        assertEquals("16_OR_OVER", band("client.registered", client("prac-age")));
        assertEquals("UNKNOWN", band("client.registered", register(null)));

        acceptPartners(ORG, "partner-age");
        String referred = as("partner", "partner-age", "ref-1")
                .body("{\"providerOrg\": \"" + ORG
                        + "\", \"identity\": {\"fullName\": \"Kit Young\", \"dateOfBirth\": \"" + young
                        + "\"}, \"programme\": \"MENTORING\", \"reason\": \"referred\"}")
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("clientId");
        assertEquals("UNDER_16", band("referral.received", referred));
    }

    @Test
    @DisplayName(
            "R-CONS-6: the daily sweep announces client.age-band-changed on the day an under-16 turns 16, once, and forgets them")
    void sweepAnnouncesTurningSixteen() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String client = register(today.minusYears(16).plusDays(2).toString()); // 16 the day after tomorrow
        assertEquals(
                1,
                rows("select 1 from client_age_band where client_id = ?1", UUID.fromString(client))
                        .size());

        sweep.sweep(today.plusDays(1));
        assertEquals(List.of(), outbox("client.age-band-changed", client));
        sweep.sweep(today.plusDays(2));
        var changed = outbox("client.age-band-changed", client);
        assertEquals(1, changed.size());
        assertEquals("16_OR_OVER", changed.getFirst().get("data").get("ageBand").asText());
        assertEquals(
                "UNDER_16",
                changed.getFirst().get("data").get("previousAgeBand").asText());
        assertEquals("R-CONS-6", changed.getFirst().get("data").get("rule").asText());
        assertEquals("service", changed.getFirst().get("actorrole").asText());
        assertEquals(
                0,
                rows("select 1 from client_age_band where client_id = ?1", UUID.fromString(client))
                        .size());
        sweep.sweep(today.plusDays(3));
        assertEquals(1, outbox("client.age-band-changed", client).size(), "announced once");
    }
}
