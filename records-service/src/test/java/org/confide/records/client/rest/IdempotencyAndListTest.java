package org.confide.records.client.rest;

import static org.confide.records.Fixtures.CLIENT_BODY;
import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.outbox;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.confide.records.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyAndListTest {

    @Test
    @DisplayName(
            "Idempotency-Key: the same key and body answer the first client again; another body is 409; nothing is registered twice")
    void registerIdempotent() {
        String key = UUID.randomUUID().toString();
        String first = as("practitioner", "org-idem", "prac-i")
                .header("Idempotency-Key", key)
                .body(CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("practitioner", "org-idem", "prac-i")
                .header("Idempotency-Key", key)
                .body(CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .body("id", equalTo(first));
        as("practitioner", "org-idem", "prac-i")
                .header("Idempotency-Key", key)
                .body(CLIENT_BODY.replace("Sam Jones", "Someone Else"))
                .post("/clients")
                .then()
                .statusCode(409);
        as("manager", "org-idem", "m").get("/clients").then().statusCode(200).body("items.size()", equalTo(1));
        assertEquals(1, outbox("client.registered", first).size());
    }

    @Test
    @DisplayName("Idempotency-Key on referrals: a partner's retry makes one referral")
    void referIdempotent() {
        Fixtures.acceptPartners("org-idem2", "partner-i");
        String key = UUID.randomUUID().toString();
        String body = "{\"providerOrg\": \"org-idem2\", \"identity\": {\"fullName\": \"Kit Moss\"}, "
                + "\"programme\": \"COACHING\", \"reason\": \"r\"}";
        String first = as("partner", "partner-i", "api")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("partner", "partner-i", "api")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/referrals")
                .then()
                .statusCode(201)
                .body("id", equalTo(first));
        as("manager", "org-idem2", "m")
                .get("/clients?status=REFERRED")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    @DisplayName(
            "R-REC-1: listing clients reads their identities, so each one shown is a recorded read with the purpose of use")
    void listIsRecorded() {
        String c = as("practitioner", "org-list", "prac-l")
                .body(CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("practitioner", "org-list", "prac-l")
                .header("X-Purpose-Of-Use", "LEGAL")
                .get("/clients")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(c));
        assertEquals(
                "LEGAL",
                outbox("record.accessed", c)
                        .getLast()
                        .get("data")
                        .get("purposeOfUse")
                        .asText());
        as("practitioner", "org-list", "prac-l")
                .get("/clients?status=GONE")
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("CONTACT_CEASED"));
        as("practitioner", "org-list", "prac-l")
                .get("/clients?cursor=not-ours")
                .then()
                .statusCode(400);
    }
}
