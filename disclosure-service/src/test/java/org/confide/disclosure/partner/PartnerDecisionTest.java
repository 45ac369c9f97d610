package org.confide.disclosure.partner;

import static io.restassured.RestAssured.given;
import static org.confide.disclosure.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.confide.disclosure.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerDecisionTest {

    static final String PRESS = "{\"kind\":\"PRESS_RELEASE\",\"subject\":\"announce the new evening group\"}";

    static String propose(String org) {
        return as("manager", org, "m1")
                .body(PRESS)
                .post("/partner-decisions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    @DisplayName(
            "R-REF-2: a press release takes effect only once a representative of each supporting organisation supports it (409 before)")
    void takesEffectWhenAllSupport() {
        String org = "org-pd-1";
        as("admin", org, "a1")
                .body("{\"partnerApprovalOrgs\":[\"partner-x\",\"partner-y\"]}")
                .put("/policy")
                .then()
                .statusCode(200);
        String id = propose(org);
        as("manager", org, "m1")
                .get("/partner-decisions/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PROPOSED"))
                .body("requiredOrgs", equalTo(List.of("partner-x", "partner-y")))
                .body("missingOrgs", equalTo(List.of("partner-x", "partner-y")))
                .body("policyVersion", is(1));
        as("manager", org, "m1")
                .post("/partner-decisions/" + id + "/take-effect")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-REF-2"));

        // The partner answers for its own organisation, as itself; naming another is 403.
        as("partner", "partner-x", "rep-x")
                .body("{\"advice\":\"SUPPORT\",\"orgId\":\"partner-y\"}")
                .post("/partner-decisions/" + id + "/support")
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REF-2"));
        as("partner", "partner-x", "rep-x")
                .body("{\"advice\":\"SUPPORT\"}")
                .post("/partner-decisions/" + id + "/support")
                .then()
                .statusCode(200)
                .body("missingOrgs", equalTo(List.of("partner-y")))
                .body("supports[0].representativeId", equalTo("rep-x"))
                .body("supports[0].recordedByRole", equalTo("partner"));
        as("partner", "partner-x", "rep-x")
                .get("/partner-decisions")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        as("manager", org, "m1")
                .post("/partner-decisions/" + id + "/take-effect")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-REF-2"));

        // A manager records partner-y's representative's answer on their behalf, naming the organisation.
        as("manager", org, "m1")
                .body("{\"advice\":\"OPPOSE\"}")
                .post("/partner-decisions/" + id + "/support")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-REF-2"))
                .body("violations[0].field", equalTo("orgId"));
        as("manager", org, "m1")
                .body("{\"advice\":\"SUPPORT\",\"orgId\":\"partner-z\"}")
                .post("/partner-decisions/" + id + "/support")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("orgId"));
        as("manager", org, "m1")
                .body("{\"advice\":\"OPPOSE\",\"orgId\":\"partner-y\",\"representativeId\":\"rep-y\"}")
                .post("/partner-decisions/" + id + "/support")
                .then()
                .statusCode(200)
                .body("missingOrgs", equalTo(List.of("partner-y")));
        as("manager", org, "m1")
                .post("/partner-decisions/" + id + "/take-effect")
                .then()
                .statusCode(409);
        as("manager", org, "m2")
                .body("{\"advice\":\"SUPPORT\",\"orgId\":\"partner-y\",\"representativeId\":\"rep-y\"}")
                .post("/partner-decisions/" + id + "/support")
                .then()
                .statusCode(200)
                .body("missingOrgs.size()", is(0))
                .body("supports[2].recordedBy", equalTo("m2"));
        as("manager", org, "m1")
                .post("/partner-decisions/" + id + "/take-effect")
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_EFFECT"))
                .body("tookEffectBy", equalTo("m1"));
        as("manager", org, "m1")
                .post("/partner-decisions/" + id + "/take-effect")
                .then()
                .statusCode(409);
        as("partner", "partner-x", "rep-x")
                .body("{\"advice\":\"OPPOSE\"}")
                .post("/partner-decisions/" + id + "/support")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-REF-2"));

        List<JsonNode> events = Fixtures.outboxEventsMentioning(id).stream()
                .filter(e -> id.equals(e.path("correlationid").asText()))
                .toList();
        assertEquals(
                List.of(
                        "partner-decision.proposed",
                        "partner-decision.supported",
                        "partner-decision.supported",
                        "partner-decision.supported",
                        "partner-decision.took-effect"),
                events.stream().map(e -> e.path("type").asText()).toList());
        assertTrue(
                events.stream().allMatch(e -> org.equals(e.path("org").asText())),
                "in the proposing organisation's chain");
        assertEquals("partner", events.get(1).path("actorrole").asText());
        assertTrue(events.stream().noneMatch(e -> e.toString().contains("evening group")), "no free text in events");
    }

    @Test
    @DisplayName(
            "R-REF-2 endpoints: no token 401; roles never allowed 403; another organisation, or a partner not asked, 404; idempotent proposal")
    void access() {
        String org = "org-pd-2";
        as("admin", org, "a1")
                .body("{\"partnerApprovalOrgs\":[\"partner-x\"]}")
                .put("/policy")
                .then()
                .statusCode(200);
        given().contentType("application/json")
                .body(PRESS)
                .post("/partner-decisions")
                .then()
                .statusCode(401);
        for (String role : List.of("practitioner", "partner", "admin", "client", "compliance", "supervisor")) {
            as(role, org, "x").body(PRESS).post("/partner-decisions").then().statusCode(403);
        }
        String id = propose(org);
        as("practitioner", org, "p1").get("/partner-decisions/" + id).then().statusCode(403);
        as("admin", org, "a1").get("/partner-decisions/" + id).then().statusCode(200);
        as("admin", org, "a1")
                .body("{\"advice\":\"SUPPORT\"}")
                .post("/partner-decisions/" + id + "/support")
                .then()
                .statusCode(403);
        as("partner", "partner-x", "rep")
                .post("/partner-decisions/" + id + "/take-effect")
                .then()
                .statusCode(403);
        as("manager", "org-pd-other", "m9")
                .get("/partner-decisions/" + id)
                .then()
                .statusCode(404);
        as("manager", "org-pd-other", "m9")
                .post("/partner-decisions/" + id + "/take-effect")
                .then()
                .statusCode(404);
        as("partner", "partner-q", "rep").get("/partner-decisions/" + id).then().statusCode(404);
        as("partner", "partner-q", "rep")
                .body("{\"advice\":\"SUPPORT\"}")
                .post("/partner-decisions/" + id + "/support")
                .then()
                .statusCode(404);
        as("manager", org, "m1").get("/partner-decisions/not-a-uuid").then().statusCode(400);
        as("manager", org, "m1")
                .body("{\"kind\":\"INVITE_SUPPORTING_ORG\",\"subject\":\"invite them\"}")
                .post("/partner-decisions")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-REF-2"))
                .body("violations[0].field", equalTo("invitedOrg"));
        as("manager", org, "m1")
                .body("{\"kind\":\"PARTY\",\"subject\":\"x\"}")
                .post("/partner-decisions")
                .then()
                .statusCode(400);

        String first = as("manager", org, "m1")
                .header("Idempotency-Key", "pd-key-1")
                .body(PRESS)
                .post("/partner-decisions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("manager", org, "m1")
                .header("Idempotency-Key", "pd-key-1")
                .body(PRESS)
                .post("/partner-decisions")
                .then()
                .statusCode(201)
                .body("id", equalTo(first));
        as("manager", org, "m1")
                .header("Idempotency-Key", "pd-key-1")
                .body(PRESS.replace("evening", "morning"))
                .post("/partner-decisions")
                .then()
                .statusCode(409);
    }

    @Test
    @DisplayName("R-REF-2: with no supporting organisation in the policy a decision may take effect at once")
    void noPartners() {
        String org = "org-pd-3";
        String id = propose(org);
        as("manager", org, "m1")
                .post("/partner-decisions/" + id + "/take-effect")
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_EFFECT"));
    }
}
