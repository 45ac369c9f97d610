package org.confide.consent.consent.rest;

import static org.confide.consent.Fixtures.as;
import static org.confide.consent.Fixtures.knownClient;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.confide.consent.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReceiptTest {

    static final String ORG = "org-receipts";

    static String grant(String client, String purpose, String extra) {
        return as("practitioner", ORG, "prac-1")
                .body("""
                        {"clientId": "%s", "recipient": {"type": "PARTNER_ORG", "name": "Housing Trust", "orgId": "partner-housing"},
                         "categories": ["ATTENDANCE", "CONTACT_DETAILS"], "purpose": "%s", "method": "WRITTEN_SIGNED",
                         "explained": true, "evidenceRef": "form-12"%s}""".formatted(client, purpose, extra))
                .post("/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    @DisplayName(
            "R-CONS-1: the receipt records who, what categories, purpose, recipient, method, time and status in the ISO/IEC TS 27560 shape")
    void receiptShape() {
        String client = knownClient(ORG, "prac-1");
        String id = grant(client, "REFERRAL_UPDATES", "");
        String receiptId = as("client", ORG, client)
                .get("/consents/" + id + "/receipt")
                .then()
                .statusCode(200)
                .body("schemaVersion", containsString("ISO/IEC TS 27560"))
                .body("recordId", equalTo(id))
                .body("receiptId", notNullValue())
                .body("issuedAt", notNullValue())
                .body("piiPrincipalId", equalTo(client))
                .body("piiControllers[0].org", equalTo(ORG))
                .body("notice.explained", equalTo(true))
                .body("notice.evidenceRef", equalTo("form-12"))
                .body("processing[0].purposes", equalTo(List.of("REFERRAL_UPDATES")))
                .body("processing[0].piiCategories", equalTo(List.of("ATTENDANCE", "CONTACT_DETAILS")))
                .body("processing[0].recipients[0].type", equalTo("PARTNER_ORG"))
                .body("processing[0].recipients[0].orgId", equalTo("partner-housing"))
                .body("processing[0].legalBasis", equalTo("CONSENT"))
                .body("consentType", equalTo("EXPLICIT"))
                .body("collectionMethod", equalTo("WRITTEN_SIGNED"))
                .body("validFrom", notNullValue())
                .body("status", equalTo("ACTIVE"))
                .body("events", hasSize(1))
                .body("events[0].eventType", equalTo("GIVEN"))
                .body("events[0].eventState", equalTo("ACTIVE"))
                .body("events[0].eventByRole", equalTo("practitioner"))
                .extract()
                .path("receiptId");

        as("client", ORG, client)
                .body("{\"reason\": \"private reason\"}")
                .post("/me/consents/" + id + "/withdraw")
                .then()
                .statusCode(200);
        String after = as("manager", ORG, "m1")
                .get("/consents/" + id + "/receipt")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("events.eventType", equalTo(List.of("GIVEN", "WITHDRAWN")))
                .body("events[1].eventByRole", equalTo("client"))
                .body(not(containsString("private reason")))
                .extract()
                .path("receiptId");
        assertNotEquals(receiptId, after, "a change of state gives a new receipt");
    }

    @Test
    @DisplayName(
            "R-CONS-2, R-CONS-4: approval and expiry appear as events; past validUntil the receipt says EXPIRED at once")
    void approvalAndExpiry() {
        String client = knownClient(ORG, "prac-1");
        String id = grant(client, "CASE_STUDY", ", \"validUntil\": \"2099-01-01T00:00:00Z\"");
        as("manager", ORG, "m1")
                .body("{\"approved\": true}")
                .post("/consents/" + id + "/approval")
                .then()
                .statusCode(200);
        Fixtures.setValidUntil(id, Instant.now().minus(1, ChronoUnit.MINUTES).toString());
        as("practitioner", ORG, "prac-1")
                .get("/consents/" + id + "/receipt")
                .then()
                .statusCode(200)
                .body("status", equalTo("EXPIRED"))
                .body("events.eventType", equalTo(List.of("GIVEN", "APPROVED", "EXPIRED")))
                .body("events.eventState", equalTo(List.of("PENDING_APPROVAL", "ACTIVE", "EXPIRED")));
    }

    @Test
    @DisplayName(
            "GET /consents/{id}/receipt: staff as for the consent, the client their own only, a partner only as the named recipient; other roles 403")
    void auth() {
        String client = knownClient(ORG, "prac-1");
        String other = knownClient(ORG, "prac-1");
        String id = grant(client, "REFERRAL_UPDATES", "");
        as("manager", ORG, "m1").get("/consents/" + id + "/receipt").then().statusCode(200);
        as("practitioner", ORG, "prac-1")
                .get("/consents/" + id + "/receipt")
                .then()
                .statusCode(200);
        as("practitioner", ORG, "prac-2")
                .get("/consents/" + id + "/receipt")
                .then()
                .statusCode(403);
        as("client", ORG, client).get("/consents/" + id + "/receipt").then().statusCode(200);
        as("client", ORG, other).get("/consents/" + id + "/receipt").then().statusCode(403);
        as("client", "org-other", client)
                .get("/consents/" + id + "/receipt")
                .then()
                .statusCode(404);
        as("partner", "partner-housing", "p-user")
                .get("/consents/" + id + "/receipt")
                .then()
                .statusCode(200)
                .body("recordId", equalTo(id));
        as("partner", "partner-elsewhere", "p-user")
                .get("/consents/" + id + "/receipt")
                .then()
                .statusCode(404);
        as("manager", "org-other", "m9")
                .get("/consents/" + id + "/receipt")
                .then()
                .statusCode(404);
        for (String role : List.of("supervisor", "compliance", "admin", "service")) {
            as(role, ORG, "x")
                    .get("/consents/" + id + "/receipt")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }
}
