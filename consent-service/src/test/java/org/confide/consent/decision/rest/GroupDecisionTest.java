package org.confide.consent.decision.rest;

import static org.confide.consent.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.confide.consent.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GroupDecisionTest {

    static final String ORG = "org-groups";

    static void consent(String client, String category) {
        as("manager", ORG, "m1")
                .body("""
                        {"clientId": "%s", "recipient": {"type": "MENTAL_HEALTH_TEAM"}, "categories": ["%s"],
                         "purpose": "CONTINUING_CARE", "method": "WRITTEN_SIGNED", "explained": true}""".formatted(client, category))
                .post("/consents")
                .then()
                .statusCode(201);
    }

    static ValidatableResponse decide(
            String role, String org, String group, String type, String recipientOrg, String category) {
        return as(role, org, "caller")
                .body("""
                        {"groupId": "%s", "recipientType": "%s"%s, "category": "%s", "purpose": "CONTINUING_CARE"}""".formatted(
                                group,
                                type,
                                recipientOrg == null ? "" : ", \"recipientOrgId\": \"" + recipientOrg + "\"",
                                category))
                .post("/consent-decisions")
                .then();
    }

    @Test
    @DisplayName(
            "R-CONF-3: a network's matter is shared only when every current member has an ACTIVE covering consent; otherwise DENY GROUP_CONSENT_INCOMPLETE with a count")
    void everyMember() {
        List<String> members = Fixtures.knownClients(ORG, "prac-1", 3);
        String group = Fixtures.group(ORG, members);
        consent(members.get(0), "ATTENDANCE");
        consent(members.get(1), "ATTENDANCE");
        decide("practitioner", ORG, group, "MENTAL_HEALTH_TEAM", null, "ATTENDANCE")
                .statusCode(200)
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("GROUP_CONSENT_INCOMPLETE"))
                .body("missingMembers", equalTo(1))
                .body("consentId", nullValue());
        consent(members.get(2), "ATTENDANCE");
        decide("service", ORG, group, "MENTAL_HEALTH_TEAM", null, "ATTENDANCE")
                .statusCode(200)
                .body("decision", equalTo("PERMIT"))
                .body("reason", equalTo("CONSENT_ACTIVE"))
                .body("missingMembers", equalTo(0));
        decide("service", ORG, group, "MENTAL_HEALTH_TEAM", null, "CASE_NOTES")
                .statusCode(200)
                .body("decision", equalTo("DENY"))
                .body("missingMembers", equalTo(3));

        // R-CONS-5: a member who lacks capacity counts as missing.
        as("manager", ORG, "m1")
                .body(
                        "{\"clientId\": \"" + members.get(0) + "\", \"matter\": \"INFORMATION_SHARING\", "
                                + "\"hasCapacity\": false, \"reasons\": \"r\", \"explanationToPerson\": \"e\", \"hasSignificantOther\": false}")
                .post("/capacity-assessments")
                .then()
                .statusCode(201);
        decide("service", ORG, group, "MENTAL_HEALTH_TEAM", null, "ATTENDANCE")
                .statusCode(200)
                .body("decision", equalTo("DENY"))
                .body("missingMembers", equalTo(1));
        // Only current members count: once that member has left, the rest have all consented.
        Fixtures.leave(ORG, group, members.get(0));
        decide("service", ORG, group, "MENTAL_HEALTH_TEAM", null, "ATTENDANCE")
                .statusCode(200)
                .body("decision", equalTo("PERMIT"))
                .body("missingMembers", equalTo(0));

        List<JsonNode> decided = Fixtures.decidedEvents(group, 5);
        assertEquals(5, decided.size());
        JsonNode first = decided.getFirst();
        assertEquals("consent.decided", first.get("type").asText());
        assertEquals(group, first.get("data").get("groupId").asText());
        assertEquals(1, first.get("data").get("missingMembers").asInt());
        assertFalse(first.has("subject"), "a group's decision is about no one client");
        // decidedEvents reads the records keyed by the group: five there.
        assertEquals(5, decided.size(), "a group's decisions are keyed by the group (docs/api.md Events)");
        assertFalse(first.toString().contains(members.get(2)), "members are not named in a group's decision");
    }

    @Test
    @DisplayName(
            "R-CONF-3: logistics to the organisation's own staff is PERMIT LOGISTICS_EXEMPT; to another organisation's staff it needs every member's consent")
    void logistics() {
        List<String> members = Fixtures.knownClients(ORG, "prac-1", 2);
        String group = Fixtures.group(ORG, members);
        decide("practitioner", ORG, group, "STAFF", null, "LOGISTICS")
                .statusCode(200)
                .body("decision", equalTo("PERMIT"))
                .body("reason", equalTo("LOGISTICS_EXEMPT"));
        decide("practitioner", ORG, group, "STAFF", ORG, "LOGISTICS")
                .statusCode(200)
                .body("reason", equalTo("LOGISTICS_EXEMPT"));
        decide("practitioner", ORG, group, "STAFF", "org-elsewhere", "LOGISTICS")
                .statusCode(200)
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("GROUP_CONSENT_INCOMPLETE"))
                .body("missingMembers", equalTo(2));
        decide("practitioner", ORG, group, "STAFF", null, "ATTENDANCE")
                .statusCode(200)
                .body("decision", equalTo("DENY"));
    }

    @Test
    @DisplayName(
            "R-CONF-3: a group created with no member yet is known: nobody has consented, so DENY NO_CONSENT (not 404)")
    void emptyGroup() {
        String group = Fixtures.emptyGroup(ORG);
        decide("practitioner", ORG, group, "MENTAL_HEALTH_TEAM", null, "ATTENDANCE")
                .statusCode(200)
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("NO_CONSENT"))
                .body("missingMembers", equalTo(0));
        decide("practitioner", ORG, group, "STAFF", null, "LOGISTICS")
                .statusCode(200)
                .body("decision", equalTo("PERMIT"))
                .body("reason", equalTo("LOGISTICS_EXEMPT"));
        decide("manager", "org-other", group, "STAFF", null, "LOGISTICS").statusCode(404);
    }

    @Test
    @DisplayName(
            "group decisions: manager, practitioner and services (docs/api.md); other roles 403; another organisation's or an unknown group 404")
    void auth() {
        List<String> members = Fixtures.knownClients(ORG, "prac-1", 1);
        String group = Fixtures.group(ORG, members);
        for (String role : List.of("practitioner", "manager", "service")) {
            decide(role, ORG, group, "STAFF", null, "LOGISTICS").statusCode(200);
        }
        for (String role : List.of("supervisor", "compliance", "admin", "client", "partner")) {
            decide(role, ORG, group, "STAFF", null, "LOGISTICS").statusCode(403);
        }
        decide("manager", "org-other", group, "STAFF", null, "LOGISTICS").statusCode(404);
        decide("manager", ORG, "no-such-group", "STAFF", null, "LOGISTICS").statusCode(404);
    }
}
