package org.confide.records.group.rest;

import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.awaitEvent;
import static org.confide.records.Fixtures.outbox;
import static org.confide.records.Fixtures.rows;
import static org.confide.records.Fixtures.vaultKey;
import static org.confide.records.group.GroupTesting.clientOf;
import static org.confide.records.group.GroupTesting.eventsContaining;
import static org.confide.records.group.GroupTesting.group;
import static org.confide.records.group.GroupTesting.join;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.confide.platform.crypto.FieldCipher;
import org.confide.records.Fixtures;
import org.confide.records.crypto.ClientKeys;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GroupMembersPrivacyTest {

    static final String NOTE = "{\"sessionDate\": \"2026-11-20\", \"kind\": \"GROUP\", \"body\": \"spoke about work\"}";

    static String session(String date, String... attendees) {
        return "{\"sessionDate\": \"" + date + "\", \"attendeeIds\": [\"" + String.join("\", \"", attendees)
                + "\"], \"note\": \"facilitator's note\"}";
    }

    @Test
    @DisplayName(
            "R-CONF-4: an anonymous member holds no identity anywhere; staff and supervision views and exports show only ids, the alias to the group's staff, and the pseudonym; supervision material may not use the alias (R-CONF-2)")
    void anonymousHoldsNoIdentity() {
        String org = "org-p1";
        String g = group(org, "fac-p1", "NETWORK", "Network P1");
        String member = join(org, "practitioner", "fac-p1", g, "\"alias\": \"Peregrine\"");
        String client = clientOf(member);

        Object[] row = rows(
                        "select identity, referral_id, referrer_org, limits_explained_at, legal_hold_reason, "
                                + "programme, status, allocated_practitioner_id from client where id = ?1",
                        UUID.fromString(client))
                .getFirst();
        for (int i = 0; i < 5; i++)
            assertNull(row[i], "identity column " + i + " of an anonymous member holds nothing");
        assertEquals("NETWORK_MEETING", row[5]);
        assertEquals("ACTIVE", row[6]);
        assertEquals("fac-p1", row[7], "the facilitator who added the member is allocated to it");
        byte[] alias = (byte[]) rows("select alias from group_member where id = ?1", UUID.fromString(member))
                .getFirst()[0];
        assertFalse(new String(alias, StandardCharsets.ISO_8859_1).contains("Peregrine"), "the alias is stored sealed");
        assertNotNull(vaultKey(client), "an anonymous member has a data key like any client");

        as("practitioner", org, "fac-p1")
                .body(NOTE)
                .post("/clients/" + client + "/notes")
                .then()
                .statusCode(201);
        JsonPath staff = as("manager", org, "mgr")
                .get("/clients/" + client)
                .then()
                .statusCode(200)
                .body("identity", nullValue())
                .body("programme", equalTo("NETWORK_MEETING"))
                .extract()
                .jsonPath();
        assertFalse(staff.prettify().contains("Peregrine"));
        String list = as("manager", org, "mgr")
                .get("/clients")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(client))
                .extract()
                .asString();
        assertFalse(list.contains("Peregrine"), "the client list (an export of the org's clients) holds no alias");

        // R-CONF-5: sup supervises fac-p1, and the member was told their work may be supervised.
        as("manager", org, "mgr")
                .body("{\"supervisorId\": \"sup\", \"practitionerId\": \"fac-p1\"}")
                .post("/supervision-agreements")
                .then()
                .statusCode(201);
        as("practitioner", org, "fac-p1")
                .body("{\"explained\": true}")
                .post("/clients/" + client + "/supervision-notice")
                .then()
                .statusCode(200);
        JsonPath sup = as("supervisor", org, "sup")
                .get("/clients/" + client + "/supervision-view")
                .then()
                .statusCode(200)
                .body("pseudonym", matchesPattern("C-[0-9A-F]{12}"))
                .body("ageBand", equalTo("UNKNOWN"))
                .body("sessionCount", equalTo(1))
                .extract()
                .jsonPath();
        assertEquals(
                Set.of("pseudonym", "programme", "ageBand", "sessionCount", "supervisionNotes"),
                sup.getMap("").keySet());
        assertFalse(sup.prettify().contains("Peregrine"));
        assertFalse(sup.prettify().contains(client), "the supervisor sees the pseudonym, not the client id");
        as("practitioner", org, "fac-p1")
                .body("{\"text\": \"themes of isolation\"}")
                .post("/clients/" + client + "/supervision-notes")
                .then()
                .statusCode(201);
        as("practitioner", org, "fac-p1")
                .body("{\"text\": \"peregrine spoke of isolation\"}")
                .post("/clients/" + client + "/supervision-notes")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-CONF-2"))
                .body("violations[0].field", equalTo("text"));
        assertEquals(0, eventsContaining("Peregrine"), "no event holds the alias");
    }

    @Test
    @DisplayName(
            "R-CONF-4 / R-REC-3: the retention run treats an anonymous member like any client: destroyed when due (key, notes and alias gone, membership ended), spared otherwise")
    void retentionOfAnonymousMembers() throws Exception {
        String org = "org-p2";
        as("admin", org, "adm")
                .body("{\"retentionDays\": 0}")
                .put("/settings/retention")
                .then()
                .statusCode(200);
        String g = group(org, "fac-p2", "PEER_GROUP", "Group P2");
        String due = join(org, "practitioner", "fac-p2", g, "\"alias\": \"Wren\"");
        String kept = join(org, "practitioner", "fac-p2", g, "\"alias\": \"Finch\"");
        String dueClient = clientOf(due);
        as("practitioner", org, "fac-p2")
                .body(NOTE)
                .post("/clients/" + dueClient + "/notes")
                .then()
                .statusCode(201);
        as("practitioner", org, "fac-p2")
                .body(session("2026-11-20", due, kept))
                .post("/groups/" + g + "/sessions")
                .then()
                .statusCode(201);
        as("manager", org, "mgr")
                .body("{\"type\": \"CONTACT_CEASED\"}")
                .post("/clients/" + dueClient + "/milestones")
                .then()
                .statusCode(201);

        byte[] aliasCopy = (byte[]) rows("select alias from group_member where id = ?1", UUID.fromString(due))
                .getFirst()[0];
        ClientKeys keys = Arc.container().instance(ClientKeys.class).get();
        assertEquals("Wren", keys.open(UUID.fromString(dueClient), "group.alias", aliasCopy));

        as("manager", org, "mgr").post("/retention/run").then().statusCode(200).body("destroyed", contains(dueClient));
        assertThrows(
                FieldCipher.Unreadable.class,
                () -> keys.open(UUID.fromString(dueClient), "group.alias", aliasCopy),
                "a copy of the alias made before destruction (a backup) no longer decrypts");

        assertNull(vaultKey(dueClient), "the anonymous member's key is destroyed");
        Object[] row = rows("select identity, status from client where id = ?1", UUID.fromString(dueClient))
                .getFirst();
        assertNull(row[0]);
        assertEquals("DESTROYED", row[1]);
        assertEquals(
                0,
                rows("select id from note where client_id = ?1", UUID.fromString(dueClient))
                        .size());
        Object[] membership = rows("select alias, left_at from group_member where id = ?1", UUID.fromString(due))
                .getFirst();
        assertNull(membership[0], "the alias is destroyed with the client");
        assertNotNull(membership[1], "a destroyed client is no longer a member");
        assertEquals(
                g,
                awaitEvent("group.member-left", dueClient)
                        .get("data")
                        .get("groupId")
                        .asText());
        as("practitioner", org, "fac-p2")
                .get("/groups/" + g)
                .then()
                .statusCode(200)
                .body("members.memberId", contains(kept))
                .body("members[0].alias", equalTo("Finch"));
        as("practitioner", org, "fac-p2")
                .get("/groups/" + g + "/sessions")
                .then()
                .statusCode(200)
                .body("items[0].attendeeIds", hasItem(due))
                .body("items[0].note", equalTo("facilitator's note"));
        as("client", org, dueClient)
                .get("/me/file")
                .then()
                .statusCode(200)
                .body("client.status", equalTo("DESTROYED"))
                .body("groups", empty());
        assertNotNull(vaultKey(clientOf(kept)), "a member not due keeps its key");
        as("manager", org, "mgr").post("/retention/run").then().statusCode(200).body("destroyed", empty());
    }

    @Test
    @DisplayName(
            "R-REC-2 / R-CONF-4: /me/file shows a member their own memberships and attendance, and nothing of any other member")
    void ownFileOnly() {
        String org = "org-p3";
        String g = group(org, "fac-p3", "PEER_GROUP", "Wednesday group");
        String registered = as("practitioner", org, "fac-p3")
                .body(Fixtures.CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String mine = join(org, "practitioner", "fac-p3", g, "\"clientId\": \"" + registered + "\"");
        String other = join(org, "practitioner", "fac-p3", g, "\"alias\": \"Heron\"");
        String otherClient = clientOf(other);
        as("practitioner", org, "fac-p3")
                .body(session("2026-11-18", mine, other))
                .post("/groups/" + g + "/sessions")
                .then()
                .statusCode(201);
        as("practitioner", org, "fac-p3")
                .body(session("2026-11-19", other))
                .post("/groups/" + g + "/sessions")
                .then()
                .statusCode(201);
        as("practitioner", org, "fac-p3")
                .delete("/groups/" + g + "/members/" + mine)
                .then()
                .statusCode(204);

        String file = as("client", org, registered)
                .get("/me/file")
                .then()
                .statusCode(200)
                .body("groups.groupId", contains(g))
                .body("groups[0].kind", equalTo("PEER_GROUP"))
                .body("groups[0].name", equalTo("Wednesday group"))
                .body("groups[0].joinedAt", notNullValue())
                .body("groups[0].leftAt", notNullValue())
                .body("groups[0].attendedSessions", contains("2026-11-18"))
                .extract()
                .asString();
        for (String foreign : List.of(other, otherClient, "Heron", "2026-11-19", "facilitator's note")) {
            assertFalse(file.contains(foreign), "a member's file holds nothing of another member: " + foreign);
        }
        String anonFile = as("client", org, otherClient)
                .get("/me/file")
                .then()
                .statusCode(200)
                .body("identity", nullValue())
                .body("groups[0].alias", equalTo("Heron"))
                .body("groups[0].leftAt", nullValue())
                .body("groups[0].attendedSessions", contains("2026-11-18", "2026-11-19"))
                .extract()
                .asString();
        for (String foreign : List.of(mine, registered, "Sam Jones")) {
            assertFalse(
                    anonFile.contains(foreign),
                    "an anonymous member's file holds nothing of another member: " + foreign);
        }
        for (String path : List.of("/groups/" + g, "/groups/" + g + "/sessions")) {
            as("client", org, otherClient).get(path).then().statusCode(403);
        }
        as("client", org, otherClient)
                .body("{\"alias\": \"x\", \"groundRulesAgreed\": true}")
                .post("/groups/" + g + "/members")
                .then()
                .statusCode(403);
    }

    @Test
    @DisplayName(
            "R-REC-1: a group's facilitators count as allocated to its current members (notes written and read), and no longer once the member leaves")
    void facilitatorCountsAsAllocated() {
        String org = "org-p4";
        String client = as("practitioner", org, "prac-own4")
                .body(Fixtures.CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String g = group(org, "fac-p4", "PEER_GROUP", "Group P4");
        String notes = "/clients/" + client + "/notes";
        as("practitioner", org, "fac-p4").get(notes).then().statusCode(403).body("rule", equalTo("R-REC-1"));
        as("practitioner", org, "fac-p4")
                .body("{\"clientId\": \"" + client + "\", \"groundRulesAgreed\": true}")
                .post("/groups/" + g + "/members")
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REC-1")); // a facilitator cannot make themselves allocated to any client
        String member = join(org, "manager", "mgr", g, "\"clientId\": \"" + client + "\"");
        as("manager", org, "mgr")
                .body("{\"practitionerId\": \"fac-p4b\"}")
                .post("/groups/" + g + "/facilitators")
                .then()
                .statusCode(200);

        as("practitioner", org, "fac-p4")
                .body(NOTE)
                .post(notes)
                .then()
                .statusCode(201)
                .body("authorId", equalTo("fac-p4"));
        as("practitioner", org, "fac-p4b").get(notes).then().statusCode(200).body("items.authorId", contains("fac-p4"));
        as("practitioner", org, "fac-p4")
                .get("/clients/" + client)
                .then()
                .statusCode(200)
                .body("identity.fullName", equalTo("Sam Jones"));
        as("practitioner", org, "prac-other4").get(notes).then().statusCode(403);
        as("practitioner", "org-p4-other", "fac-p4").get(notes).then().statusCode(404);

        as("practitioner", org, "fac-p4")
                .delete("/groups/" + g + "/members/" + member)
                .then()
                .statusCode(204);
        as("practitioner", org, "fac-p4").get(notes).then().statusCode(403).body("rule", equalTo("R-REC-1"));
        as("practitioner", org, "fac-p4b").body(NOTE).post(notes).then().statusCode(403);
        as("practitioner", org, "prac-own4").get(notes).then().statusCode(200).body("items", hasSize(1));
        assertEquals(1, outbox("group.member-left", client).size());
    }
}
