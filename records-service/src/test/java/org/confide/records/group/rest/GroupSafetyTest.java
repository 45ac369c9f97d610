package org.confide.records.group.rest;

import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.outbox;
import static org.confide.records.Fixtures.rows;
import static org.confide.records.group.GroupTesting.eventsContaining;
import static org.confide.records.group.GroupTesting.group;
import static org.confide.records.group.GroupTesting.join;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.confide.records.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-SAFE-1 and R-SAFE-2 through the API: reason codes only, exclusions enforced, sessions ended with support offered. */
@QuarkusTest
class GroupSafetyTest {

    private static String client(String org, String practitioner) {
        return as("practitioner", org, practitioner)
                .body(Fixtures.CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String session(String org, String fac, String group, String... attendees) {
        return as("practitioner", org, fac)
                .body("{\"sessionDate\": \"2026-11-20\", \"attendeeIds\": [\"" + String.join("\", \"", attendees)
                        + "\"]}")
                .post("/groups/" + group + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Set<String> fields(JsonNode data) {
        Set<String> out = new HashSet<>();
        data.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    @DisplayName(
            "R-SAFE-1: an attendee asked to leave a session is recorded with a reason code, once, never with what was said; exclusion for repeated behaviour only after two")
    void askedToLeave() {
        String org = "org-safe1";
        String fac = "fac-s1";
        String g = group(org, fac, "PEER_GROUP", "Thursday circle");
        String c1 = client(org, fac);
        String m1 = join(org, "practitioner", fac, g, "\"clientId\": \"" + c1 + "\"");
        String m2 = join(org, "practitioner", fac, g, "\"alias\": \"Robin\"");
        String s1 = session(org, fac, g, m1);
        String path = "/groups/" + g + "/sessions/" + s1 + "/asked-to-leave";

        // The request has no place for what was said: a stray field is not kept anywhere, nor sent.
        String id = as("practitioner", org, fac)
                .body("{\"memberId\": \"" + m1 + "\", \"reason\": \"ANGER_OR_THREATS\","
                        + " \"note\": \"he shouted at Kim about the knife\"}")
                .post(path)
                .then()
                .statusCode(201)
                .header("Location", containsString(path + "/"))
                .body("reason", equalTo("ANGER_OR_THREATS"))
                .body("rule", equalTo("R-SAFE-1"))
                .body("memberId", equalTo(m1))
                .body("sessionId", equalTo(s1))
                .body("recordedBy", equalTo(fac))
                .extract()
                .path("id");
        assertEquals(0, eventsContaining("knife"));
        assertEquals(
                1L,
                ((Number) rows(
                                        "select count(*) from group_departure where id = cast(?1 as uuid)"
                                                + " and reason = 'ANGER_OR_THREATS'",
                                        id)
                                .getFirst()[0])
                        .longValue());
        List<JsonNode> events = outbox("group.member-asked-to-leave", c1);
        assertEquals(1, events.size());
        JsonNode data = events.getFirst().get("data");
        assertEquals(Set.of("groupId", "sessionId", "memberId", "clientId", "reason", "rule"), fields(data));
        assertEquals("ANGER_OR_THREATS", data.get("reason").asText());
        assertEquals("R-SAFE-1", data.get("rule").asText());

        // Once per session; a reason code is required; only an attendee of the session; an unknown code is 400.
        as("practitioner", org, fac)
                .body("{\"memberId\": \"" + m1 + "\", \"reason\": \"DISTRESS\"}")
                .post(path)
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-SAFE-1"));
        as("practitioner", org, fac)
                .body("{\"memberId\": \"" + m1 + "\"}")
                .post(path)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-SAFE-1"))
                .body("violations[0].field", equalTo("reason"));
        as("practitioner", org, fac)
                .body("{\"memberId\": \"" + m2 + "\", \"reason\": \"DISTRESS\"}")
                .post(path)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-SAFE-1"))
                .body("violations[0].field", equalTo("memberId"));
        as("practitioner", org, fac)
                .body("{\"memberId\": \"" + m1 + "\", \"reason\": \"SHOUTING\"}")
                .post(path)
                .then()
                .statusCode(400)
                .body("detail", containsString("UNDER_INFLUENCE"));
        as("practitioner", org, fac)
                .body("{\"memberId\": \"" + m1 + "\", \"reason\": \"DISTRESS\"}")
                .post("/groups/" + g + "/sessions/" + java.util.UUID.randomUUID() + "/asked-to-leave")
                .then()
                .statusCode(404);

        // The session shows it, as a code.
        as("practitioner", org, fac)
                .get("/groups/" + g + "/sessions")
                .then()
                .statusCode(200)
                .body("items[0].askedToLeave[0].memberId", equalTo(m1))
                .body("items[0].askedToLeave[0].reason", equalTo("ANGER_OR_THREATS"))
                .body("items[0].ended", nullValue());

        // Behaviour that keeps causing problems: once is not enough to exclude for it, twice is.
        String exclusions = "/groups/" + g + "/exclusions";
        String repeated = "{\"memberId\": \"" + m1 + "\", \"reason\": \"REPEATED_BEHAVIOUR\"}";
        as("practitioner", org, fac)
                .body(repeated)
                .post(exclusions)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-SAFE-1"))
                .body("violations[0].field", equalTo("reason"));
        String s2 = session(org, fac, g, m1, m2);
        as("practitioner", org, fac)
                .body("{\"memberId\": \"" + m1 + "\", \"reason\": \"UNDER_INFLUENCE\"}")
                .post("/groups/" + g + "/sessions/" + s2 + "/asked-to-leave")
                .then()
                .statusCode(201);
        as("practitioner", org, fac)
                .body(repeated)
                .post(exclusions)
                .then()
                .statusCode(201)
                .body("reason", equalTo("REPEATED_BEHAVIOUR"))
                .body("rule", equalTo("R-SAFE-1"))
                .body("clientId", equalTo(c1))
                .body("liftedAt", nullValue());
        JsonNode excluded = outbox("group.member-excluded", c1).getFirst().get("data");
        assertEquals("REPEATED_BEHAVIOUR", excluded.get("reason").asText());
        assertEquals("R-SAFE-1", excluded.get("rule").asText());
        assertEquals(1, outbox("group.member-left", c1).size(), "the excluded member leaves the group");

        // The member's own file (R-REC-2) shows what was recorded about them: codes and dates.
        as("client", org, c1)
                .get("/me/file")
                .then()
                .statusCode(200)
                .body("groups[0].askedToLeave.reason", contains("ANGER_OR_THREATS", "UNDER_INFLUENCE"))
                .body("groups[0].exclusion.reason", equalTo("REPEATED_BEHAVIOUR"))
                .body("groups[0].leftAt", notNullValue());
    }

    @Test
    @DisplayName(
            "R-SAFE-2: an excluded client is not re-added (409) nor recorded at a session (422) until a manager lifts the exclusion")
    void exclusionHolds() {
        String org = "org-safe2";
        String fac = "fac-s2";
        String g = group(org, fac, "PEER_GROUP", "Monday circle");
        String c1 = client(org, fac);
        String m1 = join(org, "practitioner", fac, g, "\"clientId\": \"" + c1 + "\"");
        String m2 = join(org, "practitioner", fac, g, "\"alias\": \"Sky\"");
        String exclusions = "/groups/" + g + "/exclusions";

        String e1 = as("practitioner", org, fac)
                .body("{\"memberId\": \"" + m1 + "\", \"reason\": \"MEMBERS_DECISION\"}")
                .post(exclusions)
                .then()
                .statusCode(201)
                .header("Location", containsString(exclusions + "/"))
                .body("rule", equalTo("R-SAFE-2"))
                .body("memberId", equalTo(m1))
                .extract()
                .path("id");
        as("practitioner", org, fac)
                .body("{\"memberId\": \"" + m1 + "\", \"reason\": \"MEMBERS_DECISION\"}")
                .post(exclusions)
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-SAFE-2"));
        as("practitioner", org, fac)
                .body("{\"memberId\": \"" + m1 + "\"}")
                .post(exclusions)
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("reason"));
        as("practitioner", org, fac)
                .get("/groups/" + g)
                .then()
                .statusCode(200)
                .body("members.memberId", not(hasItem(m1)));

        // Neither re-added nor recorded at a session.
        String rejoin = "{\"clientId\": \"" + c1 + "\", \"groundRulesAgreed\": true}";
        as("practitioner", org, fac)
                .body(rejoin)
                .post("/groups/" + g + "/members")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-SAFE-2"))
                .body("type", containsString("conflict"));
        as("manager", org, "mgr")
                .body(rejoin)
                .post("/groups/" + g + "/members")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-SAFE-2"));
        as("practitioner", org, fac)
                .body("{\"sessionDate\": \"2026-11-20\", \"attendeeIds\": [\"" + m2 + "\", \"" + m1 + "\"]}")
                .post("/groups/" + g + "/sessions")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-SAFE-2"))
                .body("violations[0].field", equalTo("attendeeIds"))
                .body("detail", containsString(m1));

        // Only a manager lifts it; a facilitator may not undo it alone.
        as("practitioner", org, fac)
                .post(exclusions + "/" + e1 + "/lift")
                .then()
                .statusCode(403);
        as("manager", org, "mgr")
                .post(exclusions + "/" + e1 + "/lift")
                .then()
                .statusCode(200)
                .body("liftedBy", equalTo("mgr"))
                .body("liftedAt", notNullValue());
        as("manager", org, "mgr").post(exclusions + "/" + e1 + "/lift").then().statusCode(200);
        assertEquals(1, outbox("group.exclusion-lifted", c1).size(), "lifting twice is one lifting");
        as("manager", "org-other", "mgr")
                .post(exclusions + "/" + e1 + "/lift")
                .then()
                .statusCode(404);
        as("practitioner", org, fac)
                .body(rejoin)
                .post("/groups/" + g + "/members")
                .then()
                .statusCode(201);

        // The list keeps lifted exclusions; the members' decision about an anonymous member binds its client record.
        as("practitioner", org, fac)
                .body("{\"memberId\": \"" + m2 + "\", \"reason\": \"MEMBERS_DECISION\"}")
                .post(exclusions)
                .then()
                .statusCode(201);
        as("practitioner", org, fac)
                .get(exclusions + "?limit=1")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(e1))
                .body("items[0].liftedAt", notNullValue())
                .body("nextCursor", notNullValue());
    }

    @Test
    @DisplayName(
            "R-SAFE-2: a facilitator ends a whole session for safety, once, offering support to named attendees; the event carries ids and a count")
    void endSession() {
        String org = "org-safe3";
        String fac = "fac-s3";
        String g = group(org, fac, "NETWORK", "Family network");
        String m1 = join(org, "practitioner", fac, g, "\"alias\": \"Ash\"");
        String m2 = join(org, "practitioner", fac, g, "\"alias\": \"Bo\"");
        String m3 = join(org, "practitioner", fac, g, "\"alias\": \"Cy\"");
        String s = session(org, fac, g, m1, m2);
        String end = "/groups/" + g + "/sessions/" + s + "/end";

        as("practitioner", org, fac)
                .body("{\"reason\": \"SAFETY_AT_RISK\", \"supportOfferedTo\": []}")
                .post(end)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-SAFE-2"))
                .body("violations[0].field", equalTo("supportOfferedTo"));
        as("practitioner", org, fac)
                .body("{\"reason\": \"SAFETY_AT_RISK\"}")
                .post(end)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-SAFE-2"))
                .body("violations[0].field", equalTo("supportOfferedTo"));
        as("practitioner", org, fac)
                .body("{\"reason\": \"SAFETY_AT_RISK\", \"supportOfferedTo\": [\"" + m3 + "\"]}")
                .post(end)
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("supportOfferedTo"));
        as("practitioner", org, fac)
                .body("{\"supportOfferedTo\": [\"" + m1 + "\"]}")
                .post(end)
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("reason"));

        as("practitioner", org, fac)
                .body("{\"reason\": \"SAFETY_AT_RISK\", \"supportOfferedTo\": [\"" + m1 + "\", \"" + m2 + "\"]}")
                .post(end)
                .then()
                .statusCode(200)
                .body("id", equalTo(s))
                .body("ended.reason", equalTo("SAFETY_AT_RISK"))
                .body("ended.endedBy", equalTo(fac))
                .body("ended.supportOfferedTo", containsInAnyOrder(m1, m2));
        as("practitioner", org, fac)
                .body("{\"reason\": \"SAFETY_AT_RISK\", \"supportOfferedTo\": [\"" + m1 + "\"]}")
                .post(end)
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-SAFE-2"));
        as("practitioner", org, fac)
                .get("/groups/" + g + "/sessions")
                .then()
                .statusCode(200)
                .body("items[0].ended.reason", equalTo("SAFETY_AT_RISK"));

        List<JsonNode> ended = outbox("group.session-ended", g);
        assertEquals(1, ended.size());
        JsonNode data = ended.getFirst().get("data");
        assertEquals(
                Set.of("groupId", "sessionId", "reason", "supportOfferedCount", "supportOfferedTo", "rule"),
                fields(data));
        assertEquals(2, data.get("supportOfferedCount").asInt());
        assertEquals("R-SAFE-2", data.get("rule").asText());
        assertEquals(0, eventsContaining("Family network"));
    }
}
