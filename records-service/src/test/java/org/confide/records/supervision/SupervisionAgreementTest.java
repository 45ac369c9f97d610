package org.confide.records.supervision;

import static io.restassured.RestAssured.given;
import static org.confide.records.Fixtures.acceptPartners;
import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.outbox;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SupervisionAgreementTest {

    static String org() {
        return "org-sa-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A client registered in {@code org} by {@code practitioner} (allocated), told of supervision or not (R-CONF-5). */
    static String client(String org, String practitioner, Boolean told) {
        String body = """
                {"identity": {"fullName": "Ada Pike", "dateOfBirth": "1980-05-06"}, "programme": "COUNSELLING",
                 "limitsExplained": true%s}""".formatted(told == null ? "" : ", \"supervisionExplained\": " + told);
        return as("practitioner", org, practitioner)
                .body(body)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String assign(String org, String supervisor, String practitioner) {
        return as("manager", org, "mgr")
                .body("{\"supervisorId\": \"" + supervisor + "\", \"practitionerId\": \"" + practitioner + "\"}")
                .post("/supervision-agreements")
                .then()
                .statusCode(201)
                .body("supervisorId", equalTo(supervisor))
                .body("practitionerId", equalTo(practitioner))
                .body("assignedBy", equalTo("mgr"))
                .body("startedAt", notNullValue())
                .body("endedAt", nullValue())
                .extract()
                .path("id");
    }

    static int view(String org, String supervisor, String client) {
        return as("supervisor", org, supervisor)
                .get("/clients/" + client + "/supervision-view")
                .then()
                .extract()
                .statusCode();
    }

    @Test
    @DisplayName(
            "R-CONF-5: a supervisor sees the supervision view only of the told clients of practitioners a manager assigned to them, while the agreement stands; any other client is 404")
    void onlyAssignedAndTold() {
        String org = org();
        String told = client(org, "prac-a", true);
        String untold = client(org, "prac-a", null);
        String otherPractitioners = client(org, "prac-b", true);
        assertEquals(404, view(org, "sup-1", told), "no agreement yet");

        String agreement = assign(org, "sup-1", "prac-a");
        assertEquals(200, view(org, "sup-1", told));
        assertEquals(404, view(org, "sup-1", untold), "the client was not told: not shown (strictest reading)");
        assertEquals(404, view(org, "sup-1", otherPractitioners), "another practitioner's client");
        assertEquals(404, view(org, "sup-2", told), "another supervisor of the organisation");
        as("supervisor", org, "sup-2")
                .get("/clients/" + told + "/supervision-view")
                .then()
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        as("client", org, told)
                .get("/me/file")
                .then()
                .statusCode(200)
                .body("supervision.explainedAt", notNullValue())
                .body("supervision.supervised", equalTo(true));
        as("client", org, untold)
                .get("/me/file")
                .then()
                .statusCode(200)
                .body("supervision.explainedAt", nullValue())
                .body("supervision.supervised", equalTo(false));

        // Telling the client later (e.g. a client registered before supervision) makes them visible.
        as("practitioner", org, "prac-a")
                .body("{\"explained\": true}")
                .post("/clients/" + untold + "/supervision-notice")
                .then()
                .statusCode(200)
                .body("supervisionExplainedAt", notNullValue());
        assertEquals(200, view(org, "sup-1", untold));
        assertEquals(1, outbox("client.supervision-explained", untold).size());

        as("manager", org, "mgr")
                .body("{\"supervisorId\": \"sup-1\", \"practitionerId\": \"prac-a\"}")
                .post("/supervision-agreements")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-CONF-5"));
        as("manager", org, "mgr")
                .post("/supervision-agreements/" + agreement + "/end")
                .then()
                .statusCode(200)
                .body("endedAt", notNullValue())
                .body("endedBy", equalTo("mgr"));
        assertEquals(404, view(org, "sup-1", told), "ended: no longer seen");
        as("manager", org, "mgr")
                .post("/supervision-agreements/" + agreement + "/end")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-CONF-5"));
        as("client", org, told).get("/me/file").then().body("supervision.supervised", equalTo(false));

        List<JsonNode> assigned = outbox("supervision.agreement-assigned", org);
        assertEquals(1, assigned.size());
        assertEquals(
                agreement, assigned.getFirst().get("data").get("agreementId").asText());
        assertEquals(
                "sup-1", assigned.getFirst().get("data").get("supervisorId").asText());
        assertEquals(1, outbox("supervision.agreement-ended", org).size());
        assertFalse(assigned.toString().contains("Ada"), "ids and codes only");
    }

    @Test
    @DisplayName(
            "R-CONF-5: agreements: managers assign and end them (never a practitioner to themselves), parties see their own, lists paged; roles 401/403/404; the notice is only ever true")
    void agreementsEndpoints() {
        String org = org();
        String a1 = assign(org, "sup-x", "prac-x");
        assign(org, "sup-x", "prac-y");
        String a3 = assign(org, "sup-z", "prac-x");

        // Idempotency-Key: a retried assignment answers the same agreement, not a 409.
        String key = UUID.randomUUID().toString();
        String first = as("manager", org, "mgr")
                .header("Idempotency-Key", key)
                .body("{\"supervisorId\": \"sup-k\", \"practitionerId\": \"prac-k\"}")
                .post("/supervision-agreements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("manager", org, "mgr")
                .header("Idempotency-Key", key)
                .body("{\"supervisorId\": \"sup-k\", \"practitionerId\": \"prac-k\"}")
                .post("/supervision-agreements")
                .then()
                .statusCode(201)
                .body("id", equalTo(first));
        as("manager", org, "mgr")
                .post("/supervision-agreements/" + first + "/end")
                .then()
                .statusCode(200);

        var page = as("manager", org, "mgr")
                .get("/supervision-agreements?limit=3")
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("nextCursor", notNullValue())
                .extract()
                .jsonPath();
        as("manager", org, "mgr")
                .get("/supervision-agreements?limit=3&cursor=" + page.getString("nextCursor"))
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", nullValue());
        as("manager", org, "mgr")
                .get("/supervision-agreements?active=false")
                .then()
                .body("items", hasSize(1));
        as("manager", org, "mgr")
                .get("/supervision-agreements?practitionerId=prac-x&active=true")
                .then()
                .body("items", hasSize(2))
                .body("items.practitionerId", everyItem(equalTo("prac-x")));
        as("supervisor", org, "sup-x")
                .get("/supervision-agreements?supervisorId=sup-z")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.supervisorId", everyItem(equalTo("sup-x")));
        as("practitioner", org, "prac-y")
                .get("/supervision-agreements")
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
        as("supervisor", org, "sup-x")
                .get("/supervision-agreements/" + a1)
                .then()
                .statusCode(200);
        as("supervisor", org, "sup-x")
                .get("/supervision-agreements/" + a3)
                .then()
                .statusCode(404);
        as("manager", org, "mgr")
                .get("/supervision-agreements?active=maybe")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("active"));

        as("manager", org, "mgr")
                .body("{\"supervisorId\": \"prac-q\", \"practitionerId\": \"prac-q\"}")
                .post("/supervision-agreements")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-CONF-5"))
                .body("violations[0].field", equalTo("supervisorId"));
        as("manager", org, "mgr")
                .body("{\"practitionerId\": \"prac-q\"}")
                .post("/supervision-agreements")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("supervisorId"));
        for (String role : List.of("practitioner", "supervisor", "client", "partner", "admin", "compliance")) {
            as(role, org, "x")
                    .body("{\"supervisorId\": \"s\", \"practitionerId\": \"p\"}")
                    .post("/supervision-agreements")
                    .then()
                    .statusCode(403);
            as(role, org, "x")
                    .post("/supervision-agreements/" + a1 + "/end")
                    .then()
                    .statusCode(403);
        }
        for (String role : List.of("client", "partner", "admin", "compliance")) {
            as(role, org, "x").get("/supervision-agreements").then().statusCode(403);
        }
        given().contentType(ContentType.JSON)
                .get("/supervision-agreements")
                .then()
                .statusCode(401);
        as("manager", "org-b", "mgr-b")
                .post("/supervision-agreements/" + a1 + "/end")
                .then()
                .statusCode(404);
        as("manager", "org-b", "mgr-b")
                .get("/supervision-agreements/" + a1)
                .then()
                .statusCode(404);

        String c = client(org, "prac-x", false);
        as("practitioner", org, "prac-x")
                .body("{\"explained\": false}")
                .post("/clients/" + c + "/supervision-notice")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-CONF-5"))
                .body("violations[0].field", equalTo("explained"));
        as("practitioner", org, "prac-other")
                .body("{\"explained\": true}")
                .post("/clients/" + c + "/supervision-notice")
                .then()
                .statusCode(403);
        as("supervisor", org, "sup-x")
                .body("{\"explained\": true}")
                .post("/clients/" + c + "/supervision-notice")
                .then()
                .statusCode(403);
        as("manager", "org-b", "m")
                .body("{\"explained\": true}")
                .post("/clients/" + c + "/supervision-notice")
                .then()
                .statusCode(404);
    }

    @Test
    @DisplayName(
            "R-CONF-5 / R-REC-5: a referred client is told of supervision at the initial meeting, recorded with the milestone")
    void referredClientToldAtInitialMeeting() {
        String org = org();
        acceptPartners(org, "partner-sa");
        String c = as("partner", "partner-sa", "api")
                .body("{\"providerOrg\": \"" + org + "\", \"identity\": "
                        + "{\"fullName\": \"Lee Park\"}, \"programme\": \"COACHING\", \"reason\": \"r\"}")
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("clientId");
        as("manager", org, "mgr")
                .body("{\"type\": \"PRACTITIONER_ALLOCATED\", \"practitionerId\": \"prac-r\"}")
                .post("/clients/" + c + "/milestones")
                .then()
                .statusCode(201);
        assign(org, "sup-r", "prac-r");
        assertEquals(404, view(org, "sup-r", c));
        as("practitioner", org, "prac-r")
                .body("{\"type\": \"INITIAL_MEETING_HELD\", \"limitsExplained\": true, "
                        + "\"supervisionExplained\": true}")
                .post("/clients/" + c + "/milestones")
                .then()
                .statusCode(201);
        as("manager", org, "mgr")
                .get("/clients/" + c)
                .then()
                .body("supervisionExplainedAt", notNullValue())
                .body("limitsExplainedAt", notNullValue())
                .body("statementVersion", nullValue());
        assertEquals(200, view(org, "sup-r", c));
        as("supervisor", org, "sup-r")
                .get("/clients/" + c + "/supervision-view")
                .then()
                .body("pseudonym", containsString("C-"));
    }
}
