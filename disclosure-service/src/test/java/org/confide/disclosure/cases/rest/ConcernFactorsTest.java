package org.confide.disclosure.cases.rest;

import static org.confide.disclosure.Fixtures.as;
import static org.confide.disclosure.Fixtures.raise;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.confide.disclosure.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 18 through the API: R-BRK-12, R-BRK-13, the factors of R-BRK-2 and R-BRK-4, and R-PROC-3's channels. */
@QuarkusTest
class ConcernFactorsTest {

    static String concern(String clientId, String grounds, String immediacy, String recipients, String extra) {
        return """
                {"clientId":"%s","grounds":[%s],"immediacy":"%s","context":"ONE_TO_ONE","summary":"private words",
                 "proposedRecipients":[%s],"categories":["RISK_INFORMATION"]%s}""".formatted(clientId, grounds, immediacy, recipients, extra);
    }

    static final String SUBSTANCE = """
            ,"substanceUse":{"substance":"ALCOHOL","amount":"DAILY","protectiveFactors":["FAMILY_SUPPORT"],
             "mentalHealth":"CONCERN","behaviours":["NEGLECTS_CARE"],"childrenAges":[3,7],"riskToChildFound":%s}""";

    @Test
    @DisplayName(
            "R-BRK-12: a risk of a car accident or of serious disease (HARM_TO_PUBLIC), acute or chronic, is JUSTIFIED; a past one is not")
    void harmToPublic() {
        String org = "org-f-12";
        String client = Fixtures.knownClient(org, "p1");
        for (String immediacy : List.of("SERIOUS", "CHRONIC")) {
            as("practitioner", org, "p1")
                    .body(concern(client, "\"HARM_TO_PUBLIC\"", immediacy, "{\"type\":\"GP\"}", ""))
                    .post("/disclosure-assessments")
                    .then()
                    .statusCode(200)
                    .body("outcome", equalTo("JUSTIFIED"))
                    .body("decidingRule", equalTo("R-BRK-12"))
                    .body("rules[0].text", not(equalTo("")));
        }
        as("practitioner", org, "p1")
                .body(concern(client, "\"HARM_TO_PUBLIC\"", "PAST", "{\"type\":\"GP\"}", ""))
                .post("/disclosure-assessments")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("NOT_JUSTIFIED"));
        String id = raise(
                "practitioner", org, "p1", concern(client, "\"HARM_TO_PUBLIC\"", "CHRONIC", "{\"type\":\"GP\"}", ""));
        as("manager", org, "m1")
                .get("/disclosures/" + id)
                .then()
                .body("outcome", equalTo("JUSTIFIED"))
                .body("grounds", hasItem("HARM_TO_PUBLIC"));
    }

    @Test
    @DisplayName(
            "R-BRK-13: substance use is a child-protection case only when the assessment found a risk; its factors are recorded as codes")
    void substanceUse() {
        String org = "org-f-13";
        String client = Fixtures.knownClient(org, "p1");
        String gpAndFamily = "{\"type\":\"GP\"},{\"type\":\"CHILDRENS_SOCIAL_CARE\"}";
        // A dry run may come before the assessment; a case may not.
        as("practitioner", org, "p1")
                .body(concern(client, "\"PARENTAL_SUBSTANCE_USE\"", "SERIOUS", gpAndFamily, ""))
                .post("/disclosure-assessments")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("NOT_JUSTIFIED"))
                .body("decidingRule", equalTo("R-BRK-13"))
                .body("requiredSteps.code", hasItem("ASSESS_RISK_FACTORS"));
        as("practitioner", org, "p1")
                .body(concern(client, "\"PARENTAL_SUBSTANCE_USE\"", "SERIOUS", gpAndFamily, ""))
                .post("/disclosures")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-BRK-13"))
                .body("violations[0].field", equalTo("substanceUse"));
        as("practitioner", org, "p1")
                .body(concern(client, "\"RISK_TO_SELF\"", "SERIOUS", gpAndFamily, SUBSTANCE.formatted("true")))
                .post("/disclosure-assessments")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-BRK-13"));
        as("practitioner", org, "p1")
                .body(concern(
                        client,
                        "\"PARENTAL_SUBSTANCE_USE\"",
                        "SERIOUS",
                        gpAndFamily,
                        SUBSTANCE.formatted("true").replace("[3,7]", "[3,19]")))
                .post("/disclosures")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");

        String noRisk = raise(
                "practitioner",
                org,
                "p1",
                concern(client, "\"PARENTAL_SUBSTANCE_USE\"", "SERIOUS", gpAndFamily, SUBSTANCE.formatted("false")));
        as("practitioner", org, "p1")
                .body(CaseWorkflowTest.TOLD)
                .post("/disclosures/" + noRisk + "/client-involvement")
                .then()
                .statusCode(200);
        as("practitioner", org, "p1")
                .body(CaseWorkflowTest.CONSULT)
                .post("/disclosures/" + noRisk + "/consultations")
                .then()
                .statusCode(201);
        as("manager", org, "m1")
                .body(CaseWorkflowTest.APPROVE)
                .post("/disclosures/" + noRisk + "/decision")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-BRK-13"));

        String risk = raise(
                "practitioner",
                org,
                "p1",
                concern(
                        client,
                        "\"PARENTAL_SUBSTANCE_USE\"",
                        "SERIOUS",
                        "{\"type\":\"POLICE\"}",
                        SUBSTANCE.formatted("true")));
        as("manager", org, "m1")
                .get("/disclosures/" + risk)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("REQUIRED"))
                .body("assessment.decidingRule", equalTo("R-BRK-4"))
                .body("assessment.requiredSteps.code", hasItem("INVOLVE_GP_AND_FAMILY_SERVICES"))
                .body("substanceUse.substance", equalTo("ALCOHOL"))
                .body("substanceUse.childrenAges", equalTo(List.of(3, 7)))
                .body("substanceUse.riskToChildFound", is(true))
                .body("assessment.substanceUse.amount", equalTo("DAILY"));
        JsonNode raised = Fixtures.caseEvents(risk).getFirst();
        assertEquals("disclosure.raised", raised.path("type").asText());
        JsonNode data = raised.path("data");
        assertEquals("ALCOHOL", data.path("substance").asText());
        assertEquals("[\"3\",\"7\"]", data.path("childrenAges").toString());
        assertEquals(
                "[\"NEGLECTS_CARE\"]", data.path("behavioursUnderInfluence").toString());
        assertEquals(true, data.path("riskToChildFound").asBoolean());
        assertFalse(raised.toString().contains("private words"), "no free text in events");
    }

    @Test
    @DisplayName(
            "R-BRK-2 and R-BRK-4: whom the person asked for, the relationship to the alleged abuser and past or present abuse are recorded with the concern, in its assessment and in disclosure.raised")
    void chosenContactAndChildFactors() {
        String org = "org-f-2-4";
        String client = Fixtures.knownClient(org, "p1");
        as("practitioner", org, "p1")
                .body(concern(client, "\"RISK_TO_SELF\"", "IMMEDIATE", "{\"type\":\"EMERGENCY_SERVICES\"}", ""))
                .post("/disclosure-assessments")
                .then()
                .statusCode(200)
                .body("requiredSteps.code", hasItem("ASK_WHOM_TO_CONTACT"));
        String self = raise(
                "practitioner",
                org,
                "p1",
                concern(
                        client,
                        "\"RISK_TO_SELF\"",
                        "IMMEDIATE",
                        "{\"type\":\"EMERGENCY_SERVICES\"}",
                        ",\"chosenContact\":\"GP\""));
        as("practitioner", org, "p1")
                .get("/disclosures/" + self)
                .then()
                .body("chosenContact", equalTo("GP"))
                .body("assessment.chosenContact", equalTo("GP"))
                .body("assessment.requiredSteps.code", hasItem("CONTACT_WHOM_THEY_ASKED_FOR"));
        assertEquals(
                "GP",
                Fixtures.caseEvents(self)
                        .getFirst()
                        .path("data")
                        .path("chosenContact")
                        .asText());

        String child = raise(
                "practitioner",
                org,
                "p1",
                concern(
                        client,
                        "\"CHILD_PROTECTION\"",
                        "CHRONIC",
                        "{\"type\":\"CHILDRENS_SOCIAL_CARE\"}",
                        ",\"abuserRelationship\":\"STEP_PARENT\",\"abuseTiming\":\"PRESENT\""));
        as("manager", org, "m1")
                .get("/disclosures/" + child)
                .then()
                .body("abuserRelationship", equalTo("STEP_PARENT"))
                .body("abuseTiming", equalTo("PRESENT"))
                .body("outcome", equalTo("REQUIRED"))
                .body("assessment.decidingRule", equalTo("R-BRK-4"))
                .body("assessment.abuseTiming", equalTo("PRESENT"));
        JsonNode data = Fixtures.caseEvents(child).getFirst().path("data");
        assertEquals("STEP_PARENT", data.path("abuserRelationship").asText());
        assertEquals("PRESENT", data.path("abuseTiming").asText());
        as("practitioner", org, "p1")
                .body(concern(client, "\"CHILD_PROTECTION\"", "PAST", "{\"type\":\"CHILDRENS_SOCIAL_CARE\"}", ""))
                .post("/disclosure-assessments")
                .then()
                .body("outcome", equalTo("JUSTIFIED"))
                .body("requiredSteps.code", hasItem("RECORD_CHILD_FACTORS"));
        as("practitioner", org, "p1")
                .body(concern(
                        client,
                        "\"CHILD_PROTECTION\"",
                        "PAST",
                        "{\"type\":\"CHILDRENS_SOCIAL_CARE\"}",
                        ",\"abuseTiming\":\"SOMETIMES\""))
                .post("/disclosure-assessments")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("abuseTiming"));
    }

    @Test
    @DisplayName(
            "R-PROC-3: a share by plain EMAIL or FAX is refused 422 naming method and the rule, and nothing is recorded; SECURE_EMAIL goes")
    void insecureChannelsRefused() {
        String org = "org-f-proc3";
        String client = Fixtures.knownClient(org, "p1");
        String id = raise(
                "practitioner",
                org,
                "p1",
                concern(client, "\"MEDICAL_EMERGENCY\"", "IMMEDIATE", "{\"type\":\"GP\"}", ""));
        for (String insecure : List.of("EMAIL", "FAX")) {
            as("practitioner", org, "p1")
                    .body("{\"recipientType\":\"GP\",\"method\":\"" + insecure
                            + "\",\"categories\":[\"RISK_INFORMATION\"],\"emergency\":true}")
                    .post("/disclosures/" + id + "/shares")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("rule", equalTo("R-PROC-3"))
                    .body("violations[0].field", equalTo("method"));
        }
        as("practitioner", org, "p1")
                .get("/disclosures/" + id)
                .then()
                .body("shares.size()", is(0))
                .body("status", equalTo("RAISED"));
        as("practitioner", org, "p1")
                .body("{\"recipientType\":\"GP\",\"method\":\"PHONE\",\"categories\":[\"RISK_INFORMATION\"],"
                        + "\"emergency\":true}")
                .post("/disclosures/" + id + "/shares")
                .then()
                .statusCode(200)
                .body("shares[0].method", equalTo("PHONE"));
        as("practitioner", org, "p1")
                .body("{\"recipientType\":\"GP\",\"method\":\"SECURE_EMAIL\",\"categories\":[\"RISK_INFORMATION\"],"
                        + "\"emergency\":true}")
                .post("/disclosures/" + id + "/shares")
                .then()
                .statusCode(200)
                .body("shares[1].method", equalTo("SECURE_EMAIL"));
    }
}
