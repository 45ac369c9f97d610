package org.confide.audit.accesslog;

import static io.restassured.RestAssured.given;
import static org.confide.audit.AuditTestSupport.await;
import static org.confide.audit.AuditTestSupport.compliance;
import static org.confide.audit.AuditTestSupport.event;
import static org.confide.audit.AuditTestSupport.send;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessLogTest {

    static RequestSpecification client(String org, String sub) {
        return given().auth().oauth2(Tokens.token("client", org, sub));
    }

    @Test
    @DisplayName("R-REC-2: a client sees who (role, organisation) read or shared their information, when and why, newest first; never others' entries")
    void accessLog() throws Exception {
        String org = "org-access-log-" + UUID.randomUUID();
        String me = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String corr = UUID.randomUUID().toString();
        send("records-events", me, event(UUID.randomUUID().toString(), org, "records-service", "record.accessed", me,
                "prac-1", "practitioner", corr, "{\"clientId\":\"" + me + "\",\"purposeOfUse\":\"CARE\",\"resource\":\"client\"}"));
        send("records-events", me, event(UUID.randomUUID().toString(), org, "records-service", "note.written", me,
                "prac-1", "practitioner", corr, "{\"clientId\":\"" + me + "\"}"));
        send("records-events", me, event(UUID.randomUUID().toString(), org, "records-service", "record.accessed", me,
                me, "client", corr, "{\"clientId\":\"" + me + "\",\"purposeOfUse\":\"CLIENT_REQUEST\"}"));
        send("records-events", other, event(UUID.randomUUID().toString(), org, "records-service", "record.accessed", other,
                "prac-1", "practitioner", corr, "{\"clientId\":\"" + other + "\",\"purposeOfUse\":\"CARE\"}"));
        send("records-events", me, event(UUID.randomUUID().toString(), "org-elsewhere-" + UUID.randomUUID(), "records-service",
                "record.accessed", me, "prac-9", "practitioner", corr, "{\"clientId\":\"" + me + "\"}"));
        send("records-events", me, event(UUID.randomUUID().toString(), org, "records-service", "supervision.viewed", me,
                "sup-1", "supervisor", corr, "{\"clientId\":\"" + me + "\",\"purposeOfUse\":\"SUPERVISION\"}"));
        send("disclosure-events", me, event(UUID.randomUUID().toString(), org, "disclosure-service", "disclosure.shared", me,
                "man-1", "manager", corr, "{\"clientId\":\"" + me + "\",\"rule\":\"R-BRK-4\",\"recipientOrg\":\"children-services\"}"));
        await("six entries of the organisation", () -> compliance(org).get("/audit/entries").then().extract().jsonPath().getList("items").size() == 6);

        // Newest first is chain order (seq); across topics that is the order of arrival, not of sending.
        var log = client(org, me).get("/me/access-log").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.type", containsInAnyOrder("disclosure.shared", "supervision.viewed", "record.accessed"))
                .body("items.find { it.type == 'disclosure.shared' }.action", equalTo("shared"))
                .body("items.find { it.type == 'disclosure.shared' }.actor.role", equalTo("manager"))
                .body("items.find { it.type == 'disclosure.shared' }.actor.org", equalTo(org))
                .body("items.find { it.type == 'disclosure.shared' }.rules", contains("R-BRK-4"))
                .body("items.find { it.type == 'disclosure.shared' }.recipientOrg", equalTo("children-services"))
                .body("items.find { it.type == 'supervision.viewed' }.purposeOfUse", equalTo("SUPERVISION"))
                .body("items.find { it.type == 'supervision.viewed' }.action", equalTo("read"))
                .body("items.find { it.type == 'record.accessed' }.purposeOfUse", equalTo("CARE"))
                .body("items.find { it.type == 'record.accessed' }.occurredAt", equalTo("2026-11-22T10:15:00.123Z"))
                .body("items[0].actor", not(hasKey("id")))
                .body("nextCursor", nullValue())
                .extract().jsonPath();
        List<Integer> seqs = log.getList("items.seq", Integer.class);
        assertEquals(seqs.stream().sorted(Comparator.reverseOrder()).toList(), seqs, "newest first");
        var first = client(org, me).get("/me/access-log?limit=2").then().statusCode(200)
                .body("items.seq", contains(seqs.get(0), seqs.get(1)))
                .body("nextCursor", notNullValue()).extract().jsonPath();
        client(org, me).get("/me/access-log?limit=2&cursor=" + first.getString("nextCursor")).then().statusCode(200)
                .body("items.seq", contains(seqs.get(2))).body("nextCursor", nullValue());
        client(org, other).get("/me/access-log").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].type", equalTo("record.accessed"));
        client("org-unrelated", me).get("/me/access-log").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    @DisplayName("the access log is for clients only: no token 401, other roles 403")
    void access() {
        given().get("/me/access-log").then().statusCode(401);
        for (String role : new String[] {"compliance", "practitioner", "manager", "admin", "partner", "supervisor"}) {
            given().auth().oauth2(Tokens.token(role, "org-a", "x")).get("/me/access-log").then().statusCode(403);
        }
        client("org-a", "c").get("/me/access-log?limit=0").then().statusCode(400);
    }
}
