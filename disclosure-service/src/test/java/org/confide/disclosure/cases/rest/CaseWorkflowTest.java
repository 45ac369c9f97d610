package org.confide.disclosure.cases.rest;

import static org.confide.disclosure.Fixtures.as;
import static org.confide.disclosure.Fixtures.raise;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.confide.disclosure.ConsentStandIn;
import org.confide.disclosure.ConsentStandIn.Mode;
import org.confide.disclosure.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseWorkflowTest {

    static String concern(String clientId, String grounds, String immediacy) {
        return """
                {"clientId":"%s","grounds":[%s],"immediacy":"%s","context":"GROUP_SESSION","summary":"said they would hurt him",
                 "proposedRecipients":[{"type":"POLICE"},{"type":"GP"}],"categories":["RISK_INFORMATION","CONTACT_DETAILS"]}""".formatted(clientId, grounds, immediacy);
    }

    static final String TOLD = "{\"informed\":true,\"response\":\"AGREED\"}";
    static final String CONSULT = "{\"consultedRole\":\"MANAGER\",\"consultedId\":\"m2\",\"advice\":\"SUPPORT\"}";
    static final String APPROVE =
            "{\"decision\":\"APPROVED\",\"rationale\":\"serious threat\",\"lawfulBasis\":\"VITAL_INTERESTS\"}";
    static final String SHARE =
            "{\"recipientType\":\"POLICE\",\"method\":\"SECURE_PORTAL\",\"categories\":[\"RISK_INFORMATION\"]}";
    static final String FOLLOW = "{\"supportOffered\":true,\"clientInformedOfOutcome\":true}";

    @Test
    @DisplayName(
            "R-PROC-1..3: raise, involve, consult, approve (another manager), share, follow up, close; each step an event of the case")
    void wholeCase() {
        String org = "org-wf-1";
        String client = Fixtures.knownClient(org, "p1");
        var raised = as("practitioner", org, "p1")
                .body(concern(client, "\"RISK_TO_OTHERS\"", "SERIOUS"))
                .post("/disclosures")
                .then()
                .statusCode(201);
        String id = raised.extract().path("id");
        raised.header("X-Correlation-Id", equalTo(id))
                .header("Location", endsWith("/disclosures/" + id))
                .body("status", equalTo("RAISED"))
                .body("raisedBy", equalTo("p1"))
                .body("assessment.outcome", equalTo("JUSTIFIED"))
                .body("assessment.rules[0].id", equalTo("R-BRK-2"))
                .body("policyVersion", is(0));

        as("practitioner", org, "p1")
                .body(TOLD)
                .post("/disclosures/" + id + "/client-involvement")
                .then()
                .statusCode(200)
                .body("clientInvolvements[0].response", equalTo("AGREED"))
                .body("clientInvolvements[0].by", equalTo("p1"));
        as("practitioner", org, "p1")
                .body(CONSULT)
                .post("/disclosures/" + id + "/consultations")
                .then()
                .statusCode(201)
                .body("consultations[0].advice", equalTo("SUPPORT"));
        as("manager", org, "m1")
                .body(APPROVE)
                .post("/disclosures/" + id + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decision.lawfulBasis", equalTo("VITAL_INTERESTS"))
                .body("decision.by", equalTo("m1"))
                .body("decision.retrospective", is(false));
        as("practitioner", org, "p1")
                .body(SHARE)
                .post("/disclosures/" + id + "/shares")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISCLOSED"))
                .body("shares[0].basis", equalTo("APPROVAL"))
                .body("shares[0].onDecisionOf", equalTo("m1"))
                .body("shares[0].method", equalTo("SECURE_PORTAL"));
        as("practitioner", org, "p1")
                .body(FOLLOW)
                .post("/disclosures/" + id + "/follow-up")
                .then()
                .statusCode(200)
                .body("status", equalTo("FOLLOWED_UP"));
        as("manager", org, "m1")
                .post("/disclosures/" + id + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .header("X-Correlation-Id", equalTo(id));

        List<JsonNode> events = Fixtures.caseEvents(id);
        assertEquals(
                List.of(
                        "disclosure.raised",
                        "disclosure.client-involved",
                        "disclosure.consulted",
                        "disclosure.decided",
                        "disclosure.shared",
                        "disclosure.followed-up",
                        "disclosure.closed"),
                events.stream().map(e -> e.path("type").asText()).toList());
        assertTrue(events.stream()
                .allMatch(e -> e.path("subject").asText().equals(client)
                        && e.path("org").asText().equals(org)));
        assertTrue(
                events.stream().noneMatch(e -> e.toString().contains("said they would hurt him")),
                "no free text in events");
        List<JsonNode> onTopic = Fixtures.topicEvents(client, 7);
        assertEquals(7, onTopic.size(), "every step reached disclosure-events");
        assertTrue(
                onTopic.stream().allMatch(e -> e.path("correlationid").asText().equals(id)));
        assertTrue(
                ConsentStandIn.seen().stream()
                        .filter(s -> s.contains(client))
                        .allMatch(s -> s.contains("|" + id + "|")),
                "consent was asked with the case id as correlation id");
    }

    @Test
    @DisplayName(
            "refusals leave nothing half-recorded: decision by the raiser, share before approval, closing early, approving NOT_JUSTIFIED")
    void refusals() {
        String org = "org-wf-2";
        String client = Fixtures.knownClient(org, "p1");
        String id = raise("manager", org, "m1", concern(client, "\"SERIOUS_CRIME\"", "SERIOUS"));
        as("manager", org, "m1")
                .body(APPROVE)
                .post("/disclosures/" + id + "/decision")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-PROC-2"));
        as("manager", org, "m2")
                .body(APPROVE)
                .post("/disclosures/" + id + "/decision")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-PROC-1"));
        as("manager", org, "m1")
                .body(SHARE)
                .post("/disclosures/" + id + "/shares")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-PROC-2"));
        as("manager", org, "m1")
                .body(SHARE.replace("\"SECURE_PORTAL\",", "\"PHONE\",\"emergency\":true,"))
                .post("/disclosures/" + id + "/shares")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-PROC-2"));
        as("manager", org, "m1")
                .post("/disclosures/" + id + "/close")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-PROC-1"));
        as("manager", org, "m1")
                .body(FOLLOW)
                .post("/disclosures/" + id + "/follow-up")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-PROC-2"));
        as("manager", org, "m1")
                .body("{\"informed\":false,\"response\":\"NOT_INFORMED_RISK\"}")
                .post("/disclosures/" + id + "/client-involvement")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-PROC-1"))
                .body("violations[0].field", equalTo("reason"));
        as("manager", org, "m1")
                .body("{\"consultedRole\":\"PARTNER_REPRESENTATIVE\",\"advice\":\"SUPPORT\"}")
                .post("/disclosures/" + id + "/consultations")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-REF-2"));
        as("manager", org, "m2")
                .body("{\"decision\":\"APPROVED\",\"rationale\":\"x\"}")
                .post("/disclosures/" + id + "/decision")
                .then()
                .statusCode(anyOf(409, 422));
        as("manager", org, "m2")
                .body("{\"decision\":\"MAYBE\",\"rationale\":\"x\"}")
                .post("/disclosures/" + id + "/decision")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("decision"));
        as("manager", org, "m1")
                .get("/disclosures/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("RAISED"))
                .body("steps.size()", is(1))
                .body("decision", nullValue());
        assertEquals(1, Fixtures.caseEvents(id).size(), "only disclosure.raised");

        String distress = raise("practitioner", org, "p1", concern(client, "\"PSYCHOLOGICAL_DISTRESS\"", "SERIOUS"));
        as("practitioner", org, "p1")
                .body(TOLD)
                .post("/disclosures/" + distress + "/client-involvement")
                .then()
                .statusCode(200);
        as("practitioner", org, "p1")
                .body(CONSULT)
                .post("/disclosures/" + distress + "/consultations")
                .then()
                .statusCode(201);
        as("manager", org, "m1")
                .body(APPROVE)
                .post("/disclosures/" + distress + "/decision")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-BRK-7"));
        as("manager", org, "m1")
                .body("{\"decision\":\"REJECTED\",\"rationale\":\"seek consent\"}")
                .post("/disclosures/" + distress + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        as("practitioner", org, "p1")
                .body(SHARE)
                .post("/disclosures/" + distress + "/shares")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-CONF-1"));
        as("practitioner", org, "p1")
                .body(FOLLOW)
                .post("/disclosures/" + distress + "/follow-up")
                .then()
                .statusCode(200);
        as("manager", org, "m1")
                .post("/disclosures/" + distress + "/close")
                .then()
                .statusCode(200);
        as("manager", org, "m1")
                .post("/disclosures/" + distress + "/close")
                .then()
                .statusCode(409);
    }

    @Test
    @DisplayName("R-PROC-2 emergency path: REQUIRED shares first; the case cannot close until a retrospective decision")
    void emergency() {
        String org = "org-wf-3";
        String client = Fixtures.knownClient(org, "p1");
        String id = raise("practitioner", org, "p1", concern(client, "\"MEDICAL_EMERGENCY\"", "IMMEDIATE"));
        as("practitioner", org, "p1")
                .body(SHARE.replace("POLICE", "GP").replace("\"SECURE_PORTAL\",", "\"PHONE\",\"emergency\":true,"))
                .post("/disclosures/" + id + "/shares")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISCLOSED"))
                .body("shares[0].emergency", is(true))
                .body("shares[0].basis", equalTo("EMERGENCY"));
        as("practitioner", org, "p1")
                .body("{\"informed\":false,\"response\":\"UNABLE\",\"reason\":\"unconscious\"}")
                .post("/disclosures/" + id + "/client-involvement")
                .then()
                .statusCode(200);
        as("practitioner", org, "p1")
                .body(FOLLOW)
                .post("/disclosures/" + id + "/follow-up")
                .then()
                .statusCode(200);
        as("manager", org, "m1")
                .post("/disclosures/" + id + "/close")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-PROC-2"));
        as("manager", org, "m1")
                .body(CONSULT)
                .post("/disclosures/" + id + "/consultations")
                .then()
                .statusCode(201);
        as("manager", org, "m1")
                .body(APPROVE)
                .post("/disclosures/" + id + "/decision")
                .then()
                .statusCode(200)
                .body("decision.retrospective", is(true))
                .body("status", equalTo("FOLLOWED_UP"));
        as("manager", org, "m1")
                .post("/disclosures/" + id + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"));
    }

    @Test
    @DisplayName(
            "CONSENTED shares without approval; consent withdrawn mid-case turns the outcome (R-CONS-4) and the share is refused")
    void consented() {
        String org = "org-wf-4";
        String client = Fixtures.knownClient(org, "p1");
        ConsentStandIn.answer(client, Mode.PERMIT);
        String id = raise("practitioner", org, "p1", concern(client, "\"RISK_TO_SELF\"", "CHRONIC"));
        as("practitioner", org, "p1").get("/disclosures/" + id).then().body("outcome", equalTo("CONSENTED"));
        as("practitioner", org, "p1")
                .body(SHARE)
                .post("/disclosures/" + id + "/shares")
                .then()
                .statusCode(200)
                .body("shares[0].basis", equalTo("CONSENT"))
                .body("status", equalTo("DISCLOSED"));

        ConsentStandIn.answer(client, Mode.WITHDRAWN);
        as("practitioner", org, "p1")
                .body(SHARE.replace("POLICE", "GP"))
                .post("/disclosures/" + id + "/shares")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-CONS-4"));
        as("practitioner", org, "p1")
                .get("/disclosures/" + id)
                .then()
                .body("outcome", equalTo("JUSTIFIED"))
                .body("shares.size()", is(1))
                .body("steps.kind", hasItem("CONSENT_RECHECKED"));

        String other = Fixtures.knownClient(org, "p1");
        ConsentStandIn.answer(other, Mode.PERMIT);
        String down = raise("practitioner", org, "p1", concern(other, "\"RISK_TO_SELF\"", "CHRONIC"));
        ConsentStandIn.answer(other, Mode.NONSENSE);
        as("practitioner", org, "p1")
                .body(SHARE)
                .post("/disclosures/" + down + "/shares")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-CONS-4"));
        as("practitioner", org, "p1")
                .get("/disclosures/" + down)
                .then()
                .body("outcome", equalTo("JUSTIFIED"))
                .body("consentChecked", is(false));
    }

    @Test
    @DisplayName(
            "R-CONF-1, R-PROC-3: a share of a concern raised in a group session is about the person concerned only: it names no other member")
    void groupCase() {
        String org = "org-wf-group";
        List<String> members = List.of(
                Fixtures.knownClient(org, "p1"), Fixtures.knownClient(org, "p1"), Fixtures.knownClient(org, "p1"));
        String group = Fixtures.group(org, members);
        String concerned = members.get(0);
        ConsentStandIn.answer(concerned, Mode.PERMIT);
        ConsentStandIn.answer(group, Mode.PERMIT);
        String concern = concern(concerned, "\"RISK_TO_SELF\"", "CHRONIC");
        String id = raise(
                "practitioner",
                org,
                "p1",
                concern.substring(0, concern.lastIndexOf('}')) + ",\"groupId\":\"" + group + "\"}");
        as("practitioner", org, "p1")
                .body(SHARE)
                .post("/disclosures/" + id + "/shares")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISCLOSED"))
                .body("clientId", equalTo(concerned))
                .body("groupId", equalTo(group));
        String view = as("manager", org, "m1")
                .get("/disclosures/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<JsonNode> events = Fixtures.outboxEvents(concerned);
        assertTrue(
                events.stream().anyMatch(e -> e.get("type").asText().equals("disclosure.shared")),
                "the share is an event");
        for (String other : members.subList(1, 3)) {
            assertTrue(!view.contains(other), "the case names no other member");
            assertTrue(
                    events.stream().noneMatch(e -> e.toString().contains(other)),
                    "no event of the case names another member");
        }
    }

    @Test
    @DisplayName(
            "a case keeps the policy version it was assessed under: a later R-REF-2 partner requirement does not apply to it")
    void policyVersionKept() {
        String org = "org-wf-5";
        String client = Fixtures.knownClient(org, "p1");
        as("admin", org, "a1")
                .body("{\"requireConsultation\":false}")
                .put("/policy")
                .then()
                .statusCode(200);
        String old = raise("practitioner", org, "p1", concern(client, "\"THREAT_TO_STAFF\"", "PAST"));
        as("admin", org, "a1")
                .body("{\"partnerApprovalOrgs\":[\"org-partner\"]}")
                .put("/policy")
                .then()
                .statusCode(200);
        String fresh = raise("practitioner", org, "p1", concern(client, "\"THREAT_TO_STAFF\"", "PAST"));
        for (String id : List.of(old, fresh)) {
            as("practitioner", org, "p1")
                    .body(TOLD)
                    .post("/disclosures/" + id + "/client-involvement")
                    .then()
                    .statusCode(200);
        }
        as("manager", org, "m1")
                .get("/disclosures/" + old)
                .then()
                .body("policyVersion", is(1))
                .body("policy.requireConsultation", is(false));
        as("manager", org, "m1")
                .body(APPROVE)
                .post("/disclosures/" + old + "/decision")
                .then()
                .statusCode(200);
        as("manager", org, "m1")
                .body(APPROVE)
                .post("/disclosures/" + fresh + "/decision")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-PROC-2"));
        as("manager", org, "m1")
                .body(CONSULT)
                .post("/disclosures/" + fresh + "/consultations")
                .then()
                .statusCode(201);
        as("manager", org, "m1")
                .body(APPROVE)
                .post("/disclosures/" + fresh + "/decision")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-REF-2"));
        as("manager", org, "m1")
                .body("{\"consultedRole\":\"PARTNER_REPRESENTATIVE\",\"orgId\":\"org-partner\",\"advice\":\"SUPPORT\"}")
                .post("/disclosures/" + fresh + "/consultations")
                .then()
                .statusCode(201);
        as("manager", org, "m1")
                .body(APPROVE)
                .post("/disclosures/" + fresh + "/decision")
                .then()
                .statusCode(200);
    }

    private static org.hamcrest.Matcher<Integer> anyOf(int a, int b) {
        return org.hamcrest.Matchers.either(is(a)).or(is(b));
    }
}
