package org.confide.records.referral;

import static org.confide.records.Fixtures.ORG;
import static org.confide.records.Fixtures.acceptPartners;
import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.awaitEvent;
import static org.confide.records.Fixtures.client;
import static org.confide.records.Fixtures.outbox;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferralTest {

    static final String REFERRAL = """
            {"providerOrg": "org-a", "identity": {"fullName": "Robin Hill", "dateOfBirth": "2001-07-30"},
             "programme": "MENTORING", "reason": "struggling at college after a bereavement"}""";

    static JsonPath refer(String partnerOrg) {
        acceptPartners(ORG, partnerOrg);
        return as("partner", partnerOrg, "partner-api")
                .body(REFERRAL)
                .post("/referrals")
                .then()
                .statusCode(201)
                .body("status", equalTo("RECEIVED"))
                .extract()
                .jsonPath();
    }

    @Test
    @DisplayName(
            "R-REF-1: a partner refers a client; the provider holds a REFERRED, unallocated client; referral.received carries no identity")
    void refer() {
        JsonPath r = refer("partner-x");
        assertEquals(Set.of("id", "status", "clientId"), r.getMap("").keySet());
        String clientId = r.getString("clientId");
        as("manager", "mgr-1")
                .get("/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("status", equalTo("REFERRED"))
                .body("org", equalTo(ORG))
                .body("allocatedPractitionerId", nullValue())
                .body("referral.id", equalTo(r.getString("id")))
                .body("referral.referrerOrg", equalTo("partner-x"))
                .body("identity.fullName", equalTo("Robin Hill"));
        JsonNode e = outbox("referral.received", clientId).getFirst();
        assertEquals(ORG, e.get("org").asText(), "the client is the provider's: so is the event");
        assertEquals("partner", e.get("actorrole").asText());
        assertEquals("partner-x", e.get("data").get("referrerOrg").asText());
        assertFalse(e.toString().contains("Robin") || e.toString().contains("bereavement"), e.toString());
    }

    @Test
    @DisplayName(
            "R-REF-1: the partner sees exactly {id, status, milestones:[{type, at}]}: the three milestones and nothing else")
    void partnerSeesOnlyMilestones() throws Exception {
        JsonPath r = refer("partner-y");
        String id = r.getString("id");
        String clientId = r.getString("clientId");
        as("manager", "mgr-1")
                .body("{\"type\": \"PRACTITIONER_ALLOCATED\", \"practitionerId\": \"prac-ref\"}")
                .post("/clients/" + clientId + "/milestones")
                .then()
                .statusCode(201)
                .body("type", equalTo("PRACTITIONER_ALLOCATED"))
                .body("practitionerId", equalTo("prac-ref"));
        as("practitioner", "prac-ref")
                .body("{\"type\": \"INITIAL_MEETING_HELD\"}")
                .post("/clients/" + clientId + "/milestones")
                .then()
                .statusCode(201);
        as("practitioner", "prac-ref")
                .body("{\"sessionDate\": \"2026-11-20\", \"kind\": \"SESSION\", \"body\": \"talked\"}")
                .post("/clients/" + clientId + "/notes");
        as("manager", "mgr-1")
                .body("{\"type\": \"CONTACT_CEASED\"}")
                .post("/clients/" + clientId + "/milestones")
                .then()
                .statusCode(201);

        JsonPath seen = as("partner", "partner-y", "partner-api")
                .get("/referrals/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("milestones.type", contains("PRACTITIONER_ALLOCATED", "INITIAL_MEETING_HELD", "CONTACT_CEASED"))
                .body("milestones.at", everyItem(notNullValue()))
                .extract()
                .jsonPath();
        assertEquals(Set.of("id", "status", "milestones"), seen.getMap("").keySet());
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    Set.of("type", "at"), seen.getMap("milestones[" + i + "]").keySet());
        }
        String raw = as("partner", "partner-y", "partner-api")
                .get("/referrals/" + id)
                .asString();
        assertFalse(raw.contains("prac-ref") || raw.contains("Robin") || raw.contains("talked"), raw);

        JsonNode notified = awaitEvent("referrer.notified", clientId);
        assertEquals("R-REF-1", notified.get("data").get("rule").asText());
        JsonNode milestone = outbox("milestone.recorded", clientId).getFirst();
        assertEquals("PRACTITIONER_ALLOCATED", milestone.get("data").get("type").asText());
        assertEquals("prac-ref", milestone.get("data").get("practitionerId").asText());
        assertEquals(clientId, milestone.get("data").get("clientId").asText());
        as("manager", "mgr-1")
                .get("/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("status", equalTo("CONTACT_CEASED"))
                .body("contactCeasedAt", notNullValue())
                .body("retainUntil", notNullValue());
    }

    @Test
    @DisplayName(
            "R-REF-1: another partner's referral is 404 and never among its notices; staff roles cannot read referrals")
    void scoping() {
        String id = refer("partner-z").getString("id");
        as("partner", "partner-other", "p").get("/referrals/" + id).then().statusCode(404);
        as("partner", "partner-z", "p")
                .get("/referrals/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        as("partner", "partner-z", "p").get("/referrals/nope").then().statusCode(400);
        for (String role : new String[] {"manager", "practitioner", "supervisor", "client", "admin", "compliance"}) {
            as(role, "partner-z", "x").get("/referrals/" + id).then().statusCode(403);
            as(role, "partner-z", "x").get("/partner/notifications").then().statusCode(403);
            as(role, "x").body(REFERRAL).post("/referrals").then().statusCode(403);
        }
    }

    @Test
    @DisplayName("R-REF-1: notices are a paged list of {id, referralId, type, at}, filtered by referralId and since")
    void notices() {
        JsonPath a = refer("partner-n");
        JsonPath b = refer("partner-n");
        for (JsonPath r : new JsonPath[] {a, b}) {
            as("manager", "mgr-1")
                    .body("{\"type\": \"INITIAL_MEETING_HELD\"}")
                    .post("/clients/" + r.getString("clientId") + "/milestones")
                    .then()
                    .statusCode(201);
        }
        as("manager", "mgr-1")
                .body("{\"type\": \"CONTACT_CEASED\"}")
                .post("/clients/" + a.getString("clientId") + "/milestones")
                .then()
                .statusCode(201);

        JsonPath page = as("partner", "partner-n", "p")
                .get("/partner/notifications?limit=2")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("nextCursor", notNullValue())
                .extract()
                .jsonPath();
        assertEquals(
                Set.of("id", "referralId", "type", "at"),
                page.getMap("items[0]").keySet());
        as("partner", "partner-n", "p")
                .get("/partner/notifications?limit=2&cursor=" + page.getString("nextCursor"))
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("nextCursor", nullValue());
        as("partner", "partner-n", "p")
                .get("/partner/notifications?referralId=" + a.getString("id"))
                .then()
                .statusCode(200)
                .body("items.type", contains("INITIAL_MEETING_HELD", "CONTACT_CEASED"))
                .body("items.referralId", everyItem(equalTo(a.getString("id"))));
        as("partner", "partner-n", "p")
                .get("/partner/notifications?since=2999-01-01T00:00:00Z")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
        as("partner", "partner-n", "p")
                .get("/partner/notifications?since=yesterday")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("since"));
        as("partner", "partner-n", "p")
                .get("/partner/notifications?cursor=%%%")
                .then()
                .statusCode(400);
        as("partner", "partner-none", "p")
                .get("/partner/notifications")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    @DisplayName(
            "R-REF-1: milestone rules: the allocated practitioner records only the initial meeting; allocation names the practitioner; none after contact ceased")
    void milestoneRules() {
        String clientId = client("prac-m");
        String path = "/clients/" + clientId + "/milestones";
        as("practitioner", "prac-m")
                .body("{\"type\": \"CONTACT_CEASED\"}")
                .post(path)
                .then()
                .statusCode(403);
        as("practitioner", "prac-m")
                .body("{\"type\": \"PRACTITIONER_ALLOCATED\", \"practitionerId\": \"p2\"}")
                .post(path)
                .then()
                .statusCode(403);
        as("practitioner", "prac-other")
                .body("{\"type\": \"INITIAL_MEETING_HELD\"}")
                .post(path)
                .then()
                .statusCode(403);
        as("practitioner", "prac-m")
                .body("{\"type\": \"INITIAL_MEETING_HELD\"}")
                .post(path)
                .then()
                .statusCode(201);
        as("manager", "org-b", "m")
                .body("{\"type\": \"INITIAL_MEETING_HELD\"}")
                .post(path)
                .then()
                .statusCode(404);
        as("manager", "m")
                .body("{\"type\": \"PRACTITIONER_ALLOCATED\"}")
                .post(path)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-REF-1"))
                .body("violations[0].field", equalTo("practitionerId"));
        as("manager", "m")
                .body("{\"type\": \"FIRST_DATE\"}")
                .post(path)
                .then()
                .statusCode(400)
                .body("detail", containsString("CONTACT_CEASED"));
        as("manager", "m").body("{}").post(path).then().statusCode(422).body("violations.field", hasItem("type"));
        as("manager", "m")
                .body("{\"type\": \"PRACTITIONER_ALLOCATED\", \"practitionerId\": \"prac-new\"}")
                .post(path)
                .then()
                .statusCode(201);
        as("practitioner", "prac-m").get("/clients/" + clientId).then().statusCode(403);
        as("practitioner", "prac-new")
                .get(path)
                .then()
                .statusCode(200)
                .body("type", contains("INITIAL_MEETING_HELD", "PRACTITIONER_ALLOCATED"));
        as("manager", "m")
                .body("{\"type\": \"CONTACT_CEASED\"}")
                .post(path)
                .then()
                .statusCode(201);
        as("manager", "m")
                .body("{\"type\": \"INITIAL_MEETING_HELD\"}")
                .post(path)
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-REF-1"));
        assertTrue(outbox("referrer.notified", clientId).isEmpty(), "a client nobody referred has no referrer to tell");
    }

    @Test
    @DisplayName(
            "R-REC-5: a referred client's limits of confidentiality are recorded at the initial meeting; false is refused 422")
    void limitsAtInitialMeeting() {
        String clientId = refer("partner-l").getString("clientId");
        String path = "/clients/" + clientId + "/milestones";
        as("manager", "mgr-1")
                .get("/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("limitsExplainedAt", nullValue());
        as("manager", "mgr-1")
                .body("{\"type\": \"INITIAL_MEETING_HELD\", \"limitsExplained\": false}")
                .post(path)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-REC-5"))
                .body("violations[0].field", equalTo("limitsExplained"));
        as("manager", "mgr-1")
                .get("/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("status", equalTo("REFERRED"));
        as("manager", "mgr-1")
                .body("{\"type\": \"INITIAL_MEETING_HELD\", \"limitsExplained\": true}")
                .post(path)
                .then()
                .statusCode(201);
        as("manager", "mgr-1")
                .get("/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("limitsExplainedAt", notNullValue());
    }

    @Test
    @DisplayName(
            "bad referrals: missing provider, identity or reason is 422 naming the field; an unknown programme is 400")
    void badReferral() {
        as("partner", "partner-q", "p")
                .body("{\"programme\": \"MENTORING\"}")
                .post("/referrals")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("providerOrg"))
                .body("violations.field", hasItem("identity"))
                .body("violations.field", hasItem("reason"));
        as("partner", "partner-q", "p")
                .body(REFERRAL.replace("MENTORING", "KARAOKE"))
                .post("/referrals")
                .then()
                .statusCode(400)
                .body("detail", containsString("COUNSELLING"));
        as("partner", "partner-q", "p")
                .body(REFERRAL.replace("2001-07-30", "30/07/2001"))
                .post("/referrals")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("identity.dateOfBirth"));
    }
}
