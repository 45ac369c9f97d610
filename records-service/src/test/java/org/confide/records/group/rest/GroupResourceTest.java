package org.confide.records.group.rest;

import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.awaitEvent;
import static org.confide.records.Fixtures.outbox;
import static org.confide.records.Fixtures.rows;
import static org.confide.records.group.GroupTesting.clientOf;
import static org.confide.records.group.GroupTesting.eventsContaining;
import static org.confide.records.group.GroupTesting.footprint;
import static org.confide.records.group.GroupTesting.group;
import static org.confide.records.group.GroupTesting.join;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.confide.records.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GroupResourceTest {

    static Set<String> fields(JsonNode data) {
        Set<String> out = new HashSet<>();
        data.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static String session(String date, String note, String... attendees) {
        return "{\"sessionDate\": \"" + date + "\", \"attendeeIds\": ["
                + String.join(
                        ", ",
                        java.util.Arrays.stream(attendees)
                                .map(a -> "\"" + a + "\"")
                                .toList()) + "]"
                + (note == null ? "" : ", \"note\": \"" + note + "\"") + "}";
    }

    @Test
    @DisplayName(
            "R-CONF-3 / R-CONF-4: a peer group: its creator facilitates; a client and an anonymous member join after agreeing to the ground rules; sessions record attendance; members leave")
    void peerGroup() {
        String org = "org-g1";
        String g = as("practitioner", org, "fac-g1")
                .body("{\"kind\": \"PEER_GROUP\", \"name\": \"Tuesday circle\", \"programme\": \"GROUP\"}")
                .post("/groups")
                .then()
                .statusCode(201)
                .header("Location", containsString("/groups/"))
                .body("kind", equalTo("PEER_GROUP"))
                .body("name", equalTo("Tuesday circle"))
                .body("programme", equalTo("GROUP"))
                .body("facilitatorIds", contains("fac-g1"))
                .extract()
                .path("id");
        String path = "/groups/" + g;
        as("manager", org, "mgr")
                .body("{\"practitionerId\": \"fac-g1b\"}")
                .post(path + "/facilitators")
                .then()
                .statusCode(200)
                .body("id", equalTo(g))
                .body("facilitatorIds", contains("fac-g1", "fac-g1b"));
        as("manager", org, "mgr")
                .body("{\"practitionerId\": \"fac-g1b\"}")
                .post(path + "/facilitators")
                .then()
                .statusCode(200)
                .body("facilitatorIds", contains("fac-g1", "fac-g1b"));
        // The allocation copies learn the new facilitator once (R-REC-1: they now work with the group's members).
        List<JsonNode> added = outbox("group.facilitator-added", g);
        assertEquals(1, added.size(), "adding a facilitator already there is no new event");
        assertEquals(
                "fac-g1b", added.getFirst().get("data").get("practitionerId").asText());

        String c = as("practitioner", org, "fac-g1")
                .body(Fixtures.CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String m1 = as("practitioner", org, "fac-g1")
                .body("{\"clientId\": \"" + c + "\", \"groundRulesAgreed\": true}")
                .post(path + "/members")
                .then()
                .statusCode(201)
                .body("clientId", equalTo(c))
                .body("$", not(hasKey("alias")))
                .extract()
                .path("memberId");
        as("practitioner", org, "fac-g1")
                .body("{\"clientId\": \"" + c + "\", \"groundRulesAgreed\": true}")
                .post(path + "/members")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        JsonPath anon = as("practitioner", org, "fac-g1b")
                .body("{\"alias\": \"Robin\", \"groundRulesAgreed\": true}")
                .post(path + "/members")
                .then()
                .statusCode(201)
                .body("alias", equalTo("Robin"))
                .body("clientId", notNullValue())
                .extract()
                .jsonPath();
        String m2 = anon.getString("memberId");
        assertEquals(anon.getString("clientId"), clientOf(m2));

        JsonPath view = as("practitioner", org, "fac-g1b")
                .get(path)
                .then()
                .statusCode(200)
                .body("members.memberId", contains(m1, m2))
                .body("members[0].clientId", equalTo(c))
                .body("members[1].alias", equalTo("Robin"))
                .extract()
                .jsonPath();
        assertEquals(Set.of("memberId", "clientId"), view.getMap("members[0]").keySet());
        assertEquals(
                Set.of("memberId", "clientId", "alias"),
                view.getMap("members[1]").keySet());

        String s1 = as("practitioner", org, "fac-g1")
                .body(session("2026-11-20", "Went well; theme of sleep", m1, m2, m2))
                .post(path + "/sessions")
                .then()
                .statusCode(201)
                .body("attendeeCount", equalTo(2))
                .body("attendeeIds", contains(m1, m2))
                .body("note", equalTo("Went well; theme of sleep"))
                .extract()
                .path("id");
        as("manager", org, "mgr")
                .body(session("2026-11-27", null, m2))
                .post(path + "/sessions")
                .then()
                .statusCode(201)
                .body("note", nullValue());
        byte[] sealed = (byte[]) rows("select note from group_session where id = ?1", UUID.fromString(s1))
                .getFirst()[0];
        assertFalse(
                new String(sealed, StandardCharsets.ISO_8859_1).contains("sleep"), "a session note is stored sealed");

        JsonPath first = as("practitioner", org, "fac-g1b")
                .get(path + "/sessions?limit=1")
                .then()
                .statusCode(200)
                .body("items.id", contains(s1))
                .body("items[0].note", equalTo("Went well; theme of sleep"))
                .body("items[0].attendeeIds", containsInAnyOrder(m1, m2))
                .body("nextCursor", notNullValue())
                .extract()
                .jsonPath();
        String second = as("manager", org, "mgr")
                .get(path + "/sessions?limit=1&cursor=" + first.getString("nextCursor"))
                .then()
                .statusCode(200)
                .body("items[0].sessionDate", equalTo("2026-11-27"))
                .body("items[0].attendeeCount", equalTo(1))
                .extract()
                .path("nextCursor");
        as("manager", org, "mgr")
                .get(path + "/sessions?limit=1&cursor=" + second)
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("nextCursor", nullValue());
        as("manager", org, "mgr")
                .get(path + "/sessions")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("nextCursor", nullValue());
        as("manager", org, "mgr").get(path + "/sessions?limit=501").then().statusCode(400);

        as("practitioner", org, "fac-g1").delete(path + "/members/" + m1).then().statusCode(204);
        as("practitioner", org, "fac-g1").delete(path + "/members/" + m1).then().statusCode(204);
        assertEquals(1, outbox("group.member-left", c).size(), "leaving twice is one departure");
        assertNotNull(
                rows("select left_at from group_member where id = ?1", UUID.fromString(m1))
                        .getFirst()[0],
                "a member who left keeps the row, with when they left");
        as("practitioner", org, "fac-g1").get(path).then().statusCode(200).body("members.memberId", contains(m2));
        as("practitioner", org, "fac-g1")
                .body(session("2026-11-28", null, m1))
                .post(path + "/sessions")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("attendeeIds"));
        as("practitioner", org, "fac-g1")
                .delete(path + "/members/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        String again = as("practitioner", org, "fac-g1")
                .body("{\"clientId\": \"" + c + "\", \"groundRulesAgreed\": true}")
                .post(path + "/members")
                .then()
                .statusCode(201)
                .extract()
                .path("memberId");
        assertFalse(again.equals(m1), "rejoining is a new membership");
    }

    @Test
    @DisplayName(
            "R-CONF-3 / R-CONF-4: a network meeting; every group event carries ids and counts only (never the name, an alias or the note)")
    void networkEvents() throws Exception {
        String org = "org-g2";
        JsonPath created = as("manager", org, "mgr-n")
                .body("{\"kind\": \"NETWORK\", \"name\": \"Family of Zephyrine\", \"programme\": \"NETWORK_MEETING\"}")
                .post("/groups")
                .then()
                .statusCode(201)
                .body("kind", equalTo("NETWORK"))
                .body("programme", equalTo("NETWORK_MEETING"))
                .body("facilitatorIds", contains("mgr-n"))
                .extract()
                .jsonPath();
        String g = created.getString("id");
        String a = join(org, "manager", "mgr-n", g, "\"alias\": \"Quillon\"");
        String b = join(org, "manager", "mgr-n", g, "\"alias\": \"Marvolette\"");
        String registered = as("manager", org, "mgr-n")
                .body(Fixtures.CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String c = join(org, "manager", "mgr-n", g, "\"clientId\": \"" + registered + "\"");
        String sessionId = as("manager", org, "mgr-n")
                .body(session("2026-11-21", "Xanthoria spoke first", a, b, c))
                .post("/groups/" + g + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("manager", org, "mgr-n")
                .delete("/groups/" + g + "/members/" + b)
                .then()
                .statusCode(204);

        JsonNode groupCreated = awaitEvent("group.created", g).get("data");
        assertEquals(Set.of("groupId", "kind", "programme", "facilitatorIds"), fields(groupCreated));
        assertEquals("NETWORK", groupCreated.get("kind").asText());
        assertEquals("mgr-n", groupCreated.get("facilitatorIds").get(0).asText());

        String anonClient = clientOf(a);
        JsonNode registeredEvent = awaitEvent("client.registered", anonClient).get("data");
        assertEquals("NETWORK_MEETING", registeredEvent.get("programme").asText());
        assertEquals("ACTIVE", registeredEvent.get("status").asText());
        JsonNode joined = awaitEvent("group.member-joined", anonClient).get("data");
        assertEquals(Set.of("groupId", "memberId", "clientId", "anonymous"), fields(joined));
        assertEquals(g, joined.get("groupId").asText());
        assertEquals(a, joined.get("memberId").asText());
        assertEquals(true, joined.get("anonymous").asBoolean());
        assertEquals(
                false,
                awaitEvent("group.member-joined", registered)
                        .get("data")
                        .get("anonymous")
                        .asBoolean());

        JsonNode recorded = awaitEvent("group.session-recorded", g).get("data");
        assertEquals(Set.of("groupId", "sessionId", "attendeeCount", "attendeeIds"), fields(recorded));
        assertEquals(sessionId, recorded.get("sessionId").asText());
        assertEquals(3, recorded.get("attendeeCount").asInt());
        assertEquals(
                List.of(a, b, c),
                List.of(
                        recorded.get("attendeeIds").get(0).asText(),
                        recorded.get("attendeeIds").get(1).asText(),
                        recorded.get("attendeeIds").get(2).asText()));

        JsonNode left = awaitEvent("group.member-left", clientOf(b)).get("data");
        assertEquals(Set.of("groupId", "memberId", "clientId"), fields(left));
        assertEquals(b, left.get("memberId").asText());

        for (String secret : List.of("Zephyrine", "Quillon", "Marvolette", "Xanthoria")) {
            assertEquals(0, eventsContaining(secret), secret + " must never be in an event");
        }
    }

    @Test
    @DisplayName(
            "R-CONF-3 / R-CONF-4: bad input (unknown kind, blank or long name, no ground-rules agreement, clientId and alias, blank or long alias, attendee not a member) is problem+json naming the field and writes nothing")
    void badInputWritesNothing() {
        String org = "org-g3";
        String g = group(org, "fac-g3", "PEER_GROUP", "Thursday");
        String path = "/groups/" + g;
        String client = as("practitioner", org, "fac-g3")
                .body(Fixtures.CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String member = join(org, "practitioner", "fac-g3", g, "\"clientId\": \"" + client + "\"");
        String left = join(org, "practitioner", "fac-g3", g, "\"alias\": \"Gone\"");
        as("practitioner", org, "fac-g3")
                .delete(path + "/members/" + left)
                .then()
                .statusCode(204);
        String otherOrgClient = as("practitioner", "org-g3-other", "p")
                .body(Fixtures.CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<Long> before = footprint(org);

        // Groups.
        as("practitioner", org, "fac-g3")
                .body("{\"kind\": \"CIRCLE\", \"name\": \"n\", \"programme\": \"GROUP\"}")
                .post("/groups")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"))
                .body("detail", allOf(containsString("PEER_GROUP"), containsString("NETWORK")));
        for (String name : List.of("\"\"", "\"   \"", "\"" + "n".repeat(201) + "\"", "null")) {
            as("practitioner", org, "fac-g3")
                    .body("{\"kind\": \"PEER_GROUP\", \"name\": " + name + ", \"programme\": \"GROUP\"}")
                    .post("/groups")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("name"));
        }
        as("practitioner", org, "fac-g3")
                .body("{\"kind\": \"PEER_GROUP\", \"name\": \"n\"}")
                .post("/groups")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("programme"));
        as("practitioner", org, "fac-g3")
                .body("{\"kind\": ")
                .post("/groups")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        // Members.
        for (String agreed : List.of("false", "null")) {
            for (String who : List.of("\"alias\": \"Kit\"", "\"clientId\": \"" + client + "\"")) {
                as("practitioner", org, "fac-g3")
                        .body("{" + who + ", \"groundRulesAgreed\": " + agreed + "}")
                        .post(path + "/members")
                        .then()
                        .statusCode(422)
                        .contentType("application/problem+json")
                        .body("rule", equalTo("R-CONF-3"))
                        .body("violations[0].field", equalTo("groundRulesAgreed"));
            }
        }
        as("practitioner", org, "fac-g3")
                .body("{\"alias\": \"Kit\"}")
                .post(path + "/members")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-CONF-3"))
                .body("violations[0].field", equalTo("groundRulesAgreed"));
        as("practitioner", org, "fac-g3")
                .body("{\"clientId\": \"" + client + "\", \"alias\": \"Kit\", \"groundRulesAgreed\": true}")
                .post(path + "/members")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("alias"));
        as("practitioner", org, "fac-g3")
                .body("{\"groundRulesAgreed\": true}")
                .post(path + "/members")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("clientId"));
        for (String alias : List.of("\"\"", "\"  \"", "\"" + "k".repeat(101) + "\"")) {
            as("practitioner", org, "fac-g3")
                    .body("{\"alias\": " + alias + ", \"groundRulesAgreed\": true}")
                    .post(path + "/members")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("rule", equalTo("R-CONF-4"))
                    .body("violations[0].field", equalTo("alias"));
        }
        as("practitioner", org, "fac-g3")
                .body("{\"clientId\": \"" + otherOrgClient + "\", \"groundRulesAgreed\": true}")
                .post(path + "/members")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("practitioner", org, "fac-g3")
                .body("{\"clientId\": \"" + UUID.randomUUID() + "\", \"groundRulesAgreed\": true}")
                .post(path + "/members")
                .then()
                .statusCode(404);
        as("practitioner", org, "fac-g3")
                .body("{\"clientId\": \"not-a-uuid\", \"groundRulesAgreed\": true}")
                .post(path + "/members")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("clientId"));
        as("practitioner", org, "fac-g3")
                .body("{\"clientId\": \"" + client + "\", \"groundRulesAgreed\": true}")
                .post(path + "/members")
                .then()
                .statusCode(409);

        // Sessions: every attendee a current member, else 422 naming attendeeIds and nothing is written.
        String stranger = UUID.randomUUID().toString();
        for (String body : List.of(
                session("2026-11-20", "n", member, stranger),
                session("2026-11-20", "n", member, left),
                session("2026-11-20", "n", stranger))) {
            as("practitioner", org, "fac-g3")
                    .body(body)
                    .post(path + "/sessions")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("attendeeIds"))
                    .body("detail", containsString(body.contains(left) && !body.contains(stranger) ? left : stranger));
        }
        as("practitioner", org, "fac-g3")
                .body(session("2026-11-20", null))
                .post(path + "/sessions")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("attendeeIds"));
        as("practitioner", org, "fac-g3")
                .body("{\"attendeeIds\": [\"" + member + "\"]}")
                .post(path + "/sessions")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("sessionDate"));
        String future = LocalDate.now(ZoneOffset.UTC).plusDays(5).toString();
        as("practitioner", org, "fac-g3")
                .body(session(future, null, member))
                .post(path + "/sessions")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("sessionDate"));

        // Facilitators.
        as("manager", org, "mgr")
                .body("{\"practitionerId\": \" \"}")
                .post(path + "/facilitators")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("practitionerId"));

        assertEquals(
                before, footprint(org), "no bad request wrote anything (groups, members, clients, sessions, events)");
        as("practitioner", org, "fac-g3")
                .get(path)
                .then()
                .statusCode(200)
                .body("members.memberId", contains(member))
                .body("facilitatorIds", contains("fac-g3"));
        as("practitioner", org, "fac-g3")
                .get(path + "/sessions")
                .then()
                .statusCode(200)
                .body("items", empty());
        assertEquals(0, eventsContaining("Kit"));
    }

    @Test
    @DisplayName(
            "R-CONF-4: an Idempotency-Key on joining answers the first membership again and makes no second anonymous client")
    void idempotentJoin() {
        String org = "org-g4";
        String g = group(org, "fac-g4", "PEER_GROUP", "Idem");
        String body = "{\"alias\": \"Sol\", \"groundRulesAgreed\": true}";
        String first = as("practitioner", org, "fac-g4")
                .header("Idempotency-Key", "join-1")
                .body(body)
                .post("/groups/" + g + "/members")
                .then()
                .statusCode(201)
                .extract()
                .path("memberId");
        as("practitioner", org, "fac-g4")
                .header("Idempotency-Key", "join-1")
                .body(body)
                .post("/groups/" + g + "/members")
                .then()
                .statusCode(201)
                .body("memberId", equalTo(first));
        assertEquals(
                1L,
                ((Number) rows("select count(*) from client where org = ?1", org)
                                .getFirst()[0])
                        .longValue());
        as("practitioner", org, "fac-g4").get("/groups/" + g).then().body("members.memberId", contains(first));
        assertNull(rows("select left_at from group_member where id = ?1", UUID.fromString(first))
                .getFirst()[0]);
    }
}
