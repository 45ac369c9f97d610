package org.confide.consent.decision.rest;

import static org.confide.consent.Fixtures.knownClient;
import static org.confide.consent.decision.rest.DecisionResourceTest.decide;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.confide.consent.Fixtures;
import org.confide.testing.KafkaBroker;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/api.md POST /consent-decisions: a decision is answered only once its record is on Kafka. */
@QuarkusTest
class DecisionBrokerDownTest {

    static final String ORG = "org-decisions-down";

    @Test
    @DisplayName(
            "R-CONF-1: Kafka down, a decision is 503 problem+json within the broker deadline and nothing is answered; back up, decisions are answered and recorded again")
    void brokerDown() {
        String client = knownClient(ORG, "prac-1");
        decide("service", ORG, client, "GP", null, "CASE_NOTES", "CONTINUING_CARE")
                .statusCode(200);
        KafkaBroker broker = KafkaBroker.shared();
        broker.stop();
        try {
            long start = System.nanoTime();
            decide("service", ORG, client, "GP", null, "CASE_NOTES", "CONTINUING_CARE")
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("status", equalTo(503))
                    .body("detail", containsString("did not acknowledge"));
            // The test profile's deadline is 1 s; the bound only shows that the answer does not hang.
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 15, "the 503 comes at the deadline");
        } finally {
            broker.start();
        }
        Fixtures.await(
                "decisions answered again",
                () -> decide("service", ORG, client, "GP", null, "CASE_NOTES", "CONTINUING_CARE")
                                .extract()
                                .statusCode()
                        == 200);
        // Answered: the one before and the first after; the refused ones were never acknowledged, so not recorded.
        assertEquals(2, Fixtures.decidedEvents(client, 2).size(), "each answered decision is recorded once");
    }
}
