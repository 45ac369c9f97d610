package org.confide.disclosure.assessment.rest;

import static io.restassured.RestAssured.given;
import static org.confide.disclosure.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.confide.disclosure.ConsentStandIn;
import org.confide.disclosure.ConsentStandIn.Mode;
import org.confide.disclosure.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssessmentResourceTest {

    static String concern(String clientId, String grounds, String immediacy, String extra) {
        return """
                {"clientId":"%s","grounds":[%s],"immediacy":"%s","context":"ONE_TO_ONE","summary":"s",
                 "proposedRecipients":[{"type":"GP"},{"type":"MENTAL_HEALTH_TEAM","name":"Crisis team"}],
                 "categories":["RISK_INFORMATION","CONTACT_DETAILS"]%s}""".formatted(clientId, grounds, immediacy, extra);
    }

    @Test
    @DisplayName(
            "R-BRK-7: distress alone is NOT_JUSTIFIED with rule ids and texts, recipients not consented, seek consent; nothing stored")
    void notJustified() {
        String org = "org-as-1";
        String client = Fixtures.knownClient(org, "p1");
        long casesBefore = count("disclosure_case");
        as("practitioner", org, "p1")
                .body(concern(client, "\"PSYCHOLOGICAL_DISTRESS\"", "SERIOUS", ",\"clientAge\":34"))
                .post("/disclosure-assessments")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("NOT_JUSTIFIED"))
                .body("rules[0].id", equalTo("R-BRK-7"))
                .body("rules[0].text", containsString("Psychological distress"))
                .body("rules.id", hasItem("R-CONS-5"))
                .body("recipients[0].type", equalTo("GP"))
                .body("recipients[0].consented", is(false))
                .body("recipients[0].consentChecked", is(true))
                .body("recipients[1].name", equalTo("Crisis team"))
                .body("requiredSteps[0].code", equalTo("SEEK_CONSENT"))
                .body("policyVersion", is(0))
                .body("purpose", equalTo("SAFEGUARDING"));
        assertEquals(casesBefore, count("disclosure_case"), "a dry run stores nothing");
        assertTrue(Fixtures.outboxEvents(client).isEmpty(), "a dry run emits nothing");
    }

    @Test
    @DisplayName(
            "CONSENTED when consent-service permits every recipient and category; asked with the purpose and the caller's token")
    void consented() {
        String org = "org-as-2";
        String client = Fixtures.knownClient(org, "p1");
        ConsentStandIn.answer(client, Mode.PERMIT);
        as("practitioner", org, "p1")
                .body(concern(client, "\"RISK_TO_SELF\"", "IMMEDIATE", ",\"purpose\":\"CONTINUING_CARE\""))
                .post("/disclosure-assessments")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("CONSENTED"))
                .body("groundsOutcome", equalTo("JUSTIFIED"))
                .body("rules[0].id", equalTo("R-CONS-1"))
                .body("recipients[0].consented", is(true))
                .body("recipients[0].categories[0].consentId", notNullValue());
        List<String> asked =
                ConsentStandIn.seen().stream().filter(s -> s.contains(client)).toList();
        assertEquals(4, asked.size(), "two recipients times two categories");
        assertTrue(
                asked.stream().allMatch(s -> s.startsWith("Bearer ") && s.contains("\"purpose\":\"CONTINUING_CARE\"")));
    }

    @Test
    @DisplayName(
            "CONSENTED only when every recipient is covered: one recipient without consent leaves the grounds' outcome")
    void partlyConsented() {
        String org = "org-as-3";
        String client = Fixtures.knownClient(org, "p1");
        ConsentStandIn.answer(client, Mode.PERMIT);
        ConsentStandIn.answer(client, "MENTAL_HEALTH_TEAM", Mode.WITHDRAWN);
        as("practitioner", org, "p1")
                .body(concern(client, "\"MEDICAL_EMERGENCY\"", "IMMEDIATE", ""))
                .post("/disclosure-assessments")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("REQUIRED"))
                .body("rules[0].id", equalTo("R-BRK-1"))
                .body("recipients[0].consented", is(true))
                .body("recipients[1].consented", is(false))
                .body("recipients[1].categories[0].reason", equalTo("WITHDRAWN"))
                .body("emergencyAllowed", is(true));
    }

    @Test
    @DisplayName(
            "fail closed: consent-service answering nonsense, an error or too slowly is not consent, and says it was not checked")
    void failClosed() {
        String org = "org-as-4";
        for (Mode mode : List.of(Mode.NONSENSE, Mode.ERROR, Mode.SLOW)) {
            String client = Fixtures.knownClient(org, "p1");
            ConsentStandIn.answer(client, mode);
            long start = System.currentTimeMillis();
            as("practitioner", org, "p1")
                    .body(concern(client, "\"PSYCHOLOGICAL_DISTRESS\"", "SERIOUS", ""))
                    .post("/disclosure-assessments")
                    .then()
                    .statusCode(200)
                    .body("outcome", equalTo("NOT_JUSTIFIED"))
                    .body("consentChecked", is(false))
                    .body("recipients[0].consented", is(false))
                    .body("recipients[0].consentChecked", is(false))
                    .body("recipients[0].categories[0].reason", equalTo("CONSENT_UNAVAILABLE"))
                    .body("requiredSteps[0].code", equalTo("CHECK_CONSENT"));
            assertTrue(System.currentTimeMillis() - start < 2900, mode + ": the wait is bounded by the timeout");
        }
    }

    @Test
    @DisplayName(
            "Gillick and 16+ presumption (R-CONS-5): under 16 and not competent is JUSTIFIED under R-BRK-8; 16 is presumed able")
    void age() {
        String org = "org-as-5";
        String client = Fixtures.knownClient(org, "p1");
        as("manager", org, "m1")
                .body(concern(
                        client,
                        "\"PSYCHOLOGICAL_DISTRESS\"",
                        "SERIOUS",
                        ",\"clientAge\":13,\"gillickCompetent\":false"))
                .post("/disclosure-assessments")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("JUSTIFIED"))
                .body("rules[0].id", equalTo("R-BRK-8"));
        as("manager", org, "m1")
                .body(concern(
                        client,
                        "\"PSYCHOLOGICAL_DISTRESS\"",
                        "SERIOUS",
                        ",\"clientAge\":16,\"gillickCompetent\":false"))
                .post("/disclosure-assessments")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("NOT_JUSTIFIED"))
                .body("rules[0].id", equalTo("R-BRK-7"));
        as("manager", org, "m1")
                .body(concern(client, "\"PSYCHOLOGICAL_DISTRESS\",\"RISK_TO_SELF\"", "CHRONIC", ",\"clientAge\":14"))
                .post("/disclosure-assessments")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("JUSTIFIED"))
                .body("rules.id", hasItem("R-BRK-4"));
    }

    @Test
    @DisplayName("R-BRK-6: the organisation's policy decides chronic risk to self")
    void policyDecides() {
        String org = "org-as-6";
        String client = Fixtures.knownClient(org, "p1");
        as("practitioner", org, "p1")
                .body(concern(client, "\"RISK_TO_SELF\"", "CHRONIC", ""))
                .post("/disclosure-assessments")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("JUSTIFIED"));
        as("admin", org, "a1")
                .body("{\"requireImminenceForRiskToSelf\":true}")
                .put("/policy")
                .then()
                .statusCode(200);
        as("practitioner", org, "p1")
                .body(concern(client, "\"RISK_TO_SELF\"", "CHRONIC", ""))
                .post("/disclosure-assessments")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("NOT_JUSTIFIED"))
                .body("rules[0].id", equalTo("R-BRK-6"))
                .body("policyVersion", is(1));
    }

    @Test
    @DisplayName(
            "bad input: unknown ground (allowed values listed), empty recipients, missing immediacy, bad age, no body, malformed JSON")
    void badInput() {
        String org = "org-as-7";
        String client = Fixtures.knownClient(org, "p1");
        as("practitioner", org, "p1")
                .body(concern(client, "\"BAD_MOOD\"", "SERIOUS", ""))
                .post("/disclosure-assessments")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("grounds[0]"))
                .body("detail", containsString("PSYCHOLOGICAL_DISTRESS"));
        as("practitioner", org, "p1")
                .body(concern(client, "\"RISK_TO_SELF\"", "SERIOUS", "")
                        .replace(
                                "[{\"type\":\"GP\"},{\"type\":\"MENTAL_HEALTH_TEAM\",\"name\":\"Crisis team\"}]", "[]"))
                .post("/disclosure-assessments")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("proposedRecipients"));
        as("practitioner", org, "p1")
                .body(concern(client, "\"RISK_TO_SELF\"", "SERIOUS", "")
                        .replace("\"grounds\":[\"RISK_TO_SELF\"],", "\"grounds\":[],"))
                .post("/disclosure-assessments")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("grounds"));
        as("practitioner", org, "p1")
                .body(concern(client, "\"RISK_TO_SELF\"", "SOON", ""))
                .post("/disclosure-assessments")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("immediacy"));
        as("practitioner", org, "p1")
                .body(concern(client, "\"RISK_TO_SELF\"", "SERIOUS", ",\"clientAge\":-1"))
                .post("/disclosure-assessments")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("clientAge"));
        as("practitioner", org, "p1").post("/disclosure-assessments").then().statusCode(anyClientError());
        as("practitioner", org, "p1")
                .body("{\"clientId\":")
                .post("/disclosure-assessments")
                .then()
                .statusCode(400);
    }

    @Test
    @DisplayName(
            "auth: an unknown or other organisation's client is 404, a practitioner not allocated 403, other roles 403, no token 401")
    void auth() {
        String org = "org-as-8";
        String client = Fixtures.knownClient(org, "p1");
        String body = concern(client, "\"RISK_TO_SELF\"", "SERIOUS", "");
        as("practitioner", org, "p2")
                .body(body)
                .post("/disclosure-assessments")
                .then()
                .statusCode(403);
        as("manager", "org-as-other", "m9")
                .body(body)
                .post("/disclosure-assessments")
                .then()
                .statusCode(404);
        as("manager", org, "m1")
                .body(concern("no-such-client", "\"RISK_TO_SELF\"", "SERIOUS", ""))
                .post("/disclosure-assessments")
                .then()
                .statusCode(404);
        as("supervisor", org, "s1")
                .body(body)
                .post("/disclosure-assessments")
                .then()
                .statusCode(403);
        as("admin", org, "a1").body(body).post("/disclosure-assessments").then().statusCode(403);
        given().contentType("application/json")
                .body(body)
                .post("/disclosure-assessments")
                .then()
                .statusCode(401);
    }

    @Test
    @DisplayName(
            "R-CONF-1, R-CONF-3: a concern raised in a group asks the person's own consent and the group's; both must permit; an unknown group is 404")
    void groupMatter() {
        String org = "org-as-9";
        String client = Fixtures.knownClient(org, "p1");
        String group = Fixtures.group(org, List.of(client));
        String body = concern(client, "\"RISK_TO_OTHERS\"", "SERIOUS", ",\"groupId\":\"" + group + "\"")
                .replace("ONE_TO_ONE", "GROUP_SESSION");
        // The group consents, the person concerned does not: not consented.
        ConsentStandIn.answer(group, Mode.PERMIT);
        as("practitioner", org, "p1")
                .body(body)
                .post("/disclosure-assessments")
                .then()
                .statusCode(200)
                .body("outcome", not(equalTo("CONSENTED")))
                .body("recipients[0].consented", is(false));
        // The person consents, the group does not (R-CONF-3: what is said in the room stays there): not consented.
        ConsentStandIn.answer(client, Mode.PERMIT);
        ConsentStandIn.answer(group, Mode.DENY);
        as("practitioner", org, "p1")
                .body(body)
                .post("/disclosure-assessments")
                .then()
                .statusCode(200)
                .body("outcome", not(equalTo("CONSENTED")))
                .body("recipients[0].consented", is(false));
        // Both: consented.
        ConsentStandIn.answer(group, Mode.PERMIT);
        as("practitioner", org, "p1")
                .body(body)
                .post("/disclosure-assessments")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("CONSENTED"));
        // A group question names the group only; the person's question names the person only.
        List<String> asked = ConsentStandIn.seen().stream()
                .filter(s -> s.contains(group) || s.contains(client))
                .toList();
        assertTrue(asked.stream().anyMatch(s -> s.contains(group))
                && asked.stream().anyMatch(s -> s.contains(client)));
        assertTrue(asked.stream().noneMatch(s -> s.contains(group) && s.contains(client)), "one subject per question");
        as("practitioner", org, "p1")
                .body(body.replace(group, "no-such-group"))
                .post("/disclosure-assessments")
                .then()
                .statusCode(404);
    }

    private static org.hamcrest.Matcher<Integer> anyClientError() {
        return org.hamcrest.Matchers.either(is(400)).or(is(422));
    }

    private static long count(String table) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from " + table)
                                .getSingleResult())
                        .longValue());
    }
}
