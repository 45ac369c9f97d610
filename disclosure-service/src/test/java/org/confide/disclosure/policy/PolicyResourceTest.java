package org.confide.disclosure.policy;

import static io.restassured.RestAssured.given;
import static org.confide.disclosure.Fixtures.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
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
class PolicyResourceTest {

    @Test
    @DisplayName("R-BRK-6, R-PROC-2, R-REF-2: an organisation without a policy has version 0 with the defaults")
    void defaults() {
        as("practitioner", "org-pol-default", "p1")
                .get("/policy")
                .then()
                .statusCode(200)
                .body("version", is(0))
                .body("requireImminenceForRiskToSelf", is(false))
                .body("requireConsultation", is(true))
                .body("partnerApprovalOrgs.size()", is(0))
                .body("allowEmergencyBeforeApproval", is(true));
    }

    @Test
    @DisplayName("every PUT is a new version, announced by policy.changed; a left-out setting takes its default")
    void versions() {
        String org = "org-pol-versions";
        as("admin", org, "a1")
                .body("{\"requireImminenceForRiskToSelf\":true,\"requireConsultation\":false,"
                        + "\"partnerApprovalOrgs\":[\"org-x\",\"org-x\"],\"allowEmergencyBeforeApproval\":false}")
                .put("/policy")
                .then()
                .statusCode(200)
                .body("version", is(1))
                .body("requireImminenceForRiskToSelf", is(true))
                .body("partnerApprovalOrgs", contains("org-x"))
                .body("createdBy", equalTo("a1"));
        as("admin", org, "a1")
                .body("{\"requireImminenceForRiskToSelf\":true}")
                .put("/policy")
                .then()
                .statusCode(200)
                .body("version", is(2))
                .body("requireConsultation", is(true))
                .body("allowEmergencyBeforeApproval", is(true));
        as("manager", org, "m1").get("/policy").then().statusCode(200).body("version", is(2));
        as("admin", "org-pol-other", "a2").get("/policy").then().statusCode(200).body("version", is(0));

        List<JsonNode> events = Fixtures.outboxEventsMentioning("\"org\":\"" + org + "\"").stream()
                .filter(e -> e.path("type").asText().equals("policy.changed"))
                .toList();
        assertEquals(2, events.size());
        assertEquals(2, events.get(1).path("data").path("version").asInt());
        assertEquals("admin", events.get(1).path("actorrole").asText());
        assertEquals(
                2,
                Fixtures.outboxEvents(org).size(),
                "policy.changed is keyed by the organisation (docs/api.md Events)");
        assertTrue(events.get(1).path("subject").isMissingNode(), "about no client");
    }

    @Test
    @DisplayName("auth: only an admin changes the policy; any staff role reads it; a client may not; no token 401")
    void auth() {
        as("manager", "org-pol-auth", "m1").body("{}").put("/policy").then().statusCode(403);
        as("practitioner", "org-pol-auth", "p1")
                .body("{}")
                .put("/policy")
                .then()
                .statusCode(403);
        as("client", "org-pol-auth", "c1").get("/policy").then().statusCode(403);
        as("supervisor", "org-pol-auth", "s1").get("/policy").then().statusCode(200);
        given().get("/policy").then().statusCode(401);
    }

    @Test
    @DisplayName("bad input: wrong types and blank organisations are refused with the field named")
    void badInput() {
        as("admin", "org-pol-bad", "a1")
                .body("{\"partnerApprovalOrgs\":\"org-x\"}")
                .put("/policy")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("partnerApprovalOrgs"));
        as("admin", "org-pol-bad", "a1")
                .body("{\"requireConsultation\":\"maybe\"}")
                .put("/policy")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("requireConsultation"));
        as("admin", "org-pol-bad", "a1")
                .body("{\"partnerApprovalOrgs\":[\" \"]}")
                .put("/policy")
                .then()
                .statusCode(422);
        as("admin", "org-pol-bad", "a1").body("{nope").put("/policy").then().statusCode(400);
        as("admin", "org-pol-bad", "a1").get("/policy").then().body("version", is(0));
    }
}
