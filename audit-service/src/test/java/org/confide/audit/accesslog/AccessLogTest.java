package org.confide.audit.accesslog;

import static io.restassured.RestAssured.given;
import static org.confide.audit.AuditTestSupport.await;
import static org.confide.audit.AuditTestSupport.compliance;
import static org.confide.audit.AuditTestSupport.event;
import static org.confide.audit.AuditTestSupport.send;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.confide.events.DisclosureEvents;
import org.confide.testing.TestEvents;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessLogTest {

    static RequestSpecification client(String org, String sub) {
        return given().auth().oauth2(Tokens.token("client", org, sub));
    }

    @Test
    @DisplayName(
            "R-REC-2: a client sees who (role, organisation) read or shared their information, when and why, newest first; never others' entries")
    void accessLog() throws Exception {
        String org = "org-access-log-" + UUID.randomUUID();
        String me = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String corr = UUID.randomUUID().toString();
        send(
                "records-events",
                me,
                event(
                        UUID.randomUUID().toString(),
                        org,
                        "records-service",
                        "record.accessed",
                        me,
                        "prac-1",
                        "practitioner",
                        corr,
                        "{\"clientId\":\"" + me + "\",\"purposeOfUse\":\"CARE\",\"resource\":\"client\"}"));
        send(
                "records-events",
                me,
                event(
                        UUID.randomUUID().toString(),
                        org,
                        "records-service",
                        "note.written",
                        me,
                        "prac-1",
                        "practitioner",
                        corr,
                        "{\"clientId\":\"" + me + "\"}"));
        send(
                "records-events",
                me,
                event(
                        UUID.randomUUID().toString(),
                        org,
                        "records-service",
                        "record.accessed",
                        me,
                        me,
                        "client",
                        corr,
                        "{\"clientId\":\"" + me + "\",\"purposeOfUse\":\"CLIENT_REQUEST\"}"));
        send(
                "records-events",
                other,
                event(
                        UUID.randomUUID().toString(),
                        org,
                        "records-service",
                        "record.accessed",
                        other,
                        "prac-1",
                        "practitioner",
                        corr,
                        "{\"clientId\":\"" + other + "\",\"purposeOfUse\":\"CARE\"}"));
        send(
                "records-events",
                me,
                event(
                        UUID.randomUUID().toString(),
                        "org-elsewhere-" + UUID.randomUUID(),
                        "records-service",
                        "record.accessed",
                        me,
                        "prac-9",
                        "practitioner",
                        corr,
                        "{\"clientId\":\"" + me + "\"}"));
        send(
                "records-events",
                me,
                event(
                        UUID.randomUUID().toString(),
                        org,
                        "records-service",
                        "supervision.viewed",
                        me,
                        "sup-1",
                        "supervisor",
                        corr,
                        "{\"clientId\":\"" + me + "\",\"purposeOfUse\":\"SUPERVISION\"}"));
        // A case whose client was told (R-PROC-1): its share is in the log.
        String told = UUID.randomUUID().toString();
        send("disclosure-events", me, involvement(org, me, told, true, "AGREED"));
        send("disclosure-events", me, share(org, me, told, "CHILDRENS_SOCIAL_CARE"));
        // R-PROC-1: a case with no involvement recorded: its share is not (until now the log showed it).
        send("disclosure-events", me, share(org, me, UUID.randomUUID().toString()));
        await(
                "eight entries of the organisation",
                () -> compliance(org)
                                .get("/audit/entries")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("items")
                                .size()
                        == 8);

        // Newest first is chain order (seq); across topics that is the order of arrival, not of sending.
        var log = client(org, me)
                .get("/me/access-log")
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items.type", containsInAnyOrder("disclosure.shared", "supervision.viewed", "record.accessed"))
                .body("items.find { it.type == 'disclosure.shared' }.action", equalTo("shared"))
                .body("items.find { it.type == 'disclosure.shared' }.actor.role", equalTo("manager"))
                .body("items.find { it.type == 'disclosure.shared' }.actor.org", equalTo(org))
                .body("items.find { it.type == 'disclosure.shared' }.rules", contains("R-BRK-4"))
                .body("items.find { it.type == 'disclosure.shared' }.recipientRole", equalTo("CHILDRENS_SOCIAL_CARE"))
                .body("items.find { it.type == 'disclosure.shared' }.correlationId", equalTo(told))
                .body("items.find { it.type == 'supervision.viewed' }.purposeOfUse", equalTo("SUPERVISION"))
                .body("items.find { it.type == 'supervision.viewed' }.action", equalTo("read"))
                .body("items.find { it.type == 'record.accessed' }.purposeOfUse", equalTo("CARE"))
                .body("items.find { it.type == 'record.accessed' }.occurredAt", equalTo("2026-11-22T10:15:00.123Z"))
                .body("items[0].actor", not(hasKey("id")))
                .body("nextCursor", nullValue())
                .extract()
                .jsonPath();
        List<Integer> seqs = log.getList("items.seq", Integer.class);
        assertEquals(seqs.stream().sorted(Comparator.reverseOrder()).toList(), seqs, "newest first");
        var first = client(org, me)
                .get("/me/access-log?limit=2")
                .then()
                .statusCode(200)
                .body("items.seq", contains(seqs.get(0), seqs.get(1)))
                .body("nextCursor", notNullValue())
                .extract()
                .jsonPath();
        client(org, me)
                .get("/me/access-log?limit=2&cursor=" + first.getString("nextCursor"))
                .then()
                .statusCode(200)
                .body("items.seq", contains(seqs.get(2)))
                .body("nextCursor", nullValue());
        client(org, other)
                .get("/me/access-log")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].type", equalTo("record.accessed"));
        client("org-unrelated", me).get("/me/access-log").then().statusCode(200).body("items", hasSize(0));
    }

    static String involvement(String org, String client, String caseId, boolean informed, String response) {
        return TestEvents.json(TestEvents.cloudEvent(
                org,
                "prac-1",
                "practitioner",
                caseId,
                new DisclosureEvents.ClientInvolved(
                        caseId, client, null, "RAISED", "JUSTIFIED", "R-BRK-4", informed, response, "R-PROC-1")));
    }

    static String share(String org, String client, String caseId) {
        return share(org, client, caseId, "POLICE");
    }

    static String share(String org, String client, String caseId, String recipientType) {
        return TestEvents.json(TestEvents.cloudEvent(
                org,
                "man-1",
                "manager",
                caseId,
                new DisclosureEvents.Shared(
                        caseId,
                        client,
                        null,
                        "DISCLOSED",
                        "JUSTIFIED",
                        "R-BRK-4",
                        recipientType,
                        "PHONE",
                        List.of("RISK_INFORMATION"),
                        false,
                        "APPROVAL",
                        "man-2",
                        "R-BRK-4")));
    }

    @Test
    @DisplayName(
            "R-PROC-1: a case not told for risk (NOT_INFORMED_RISK) shows nothing in the client's access log; once a later step records they were told, its shares show")
    void tipOff() throws Exception {
        String org = "org-tip-off-" + UUID.randomUUID();
        String me = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        send(
                "records-events",
                me,
                event(
                        UUID.randomUUID().toString(),
                        org,
                        "records-service",
                        "record.accessed",
                        me,
                        "prac-1",
                        "practitioner",
                        UUID.randomUUID().toString(),
                        "{\"clientId\":\"" + me + "\",\"purposeOfUse\":\"CARE\"}"));
        send("disclosure-events", me, involvement(org, me, caseId, false, "NOT_INFORMED_RISK"));
        send("disclosure-events", me, share(org, me, caseId));
        send("disclosure-events", me, share(org, me, caseId));
        // Another client told of their own case under the same id unlocks nothing of this client's case.
        send("disclosure-events", other, involvement(org, other, caseId, true, "AGREED"));
        await(
                "five entries",
                () -> compliance(org)
                                .get("/audit/entries")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("items")
                                .size()
                        == 5);
        compliance(org)
                .get("/audit/trails/" + caseId)
                .then()
                .statusCode(200)
                .body("findAll { it.type == 'disclosure.shared' }.size()", equalTo(2));

        client(org, me)
                .get("/me/access-log")
                .then()
                .statusCode(200)
                .body("items.type", contains("record.accessed"))
                .body("items.correlationId", not(hasItem(caseId)));
        // A page smaller than the hidden steps still fills with what may be shown, and ends.
        client(org, me)
                .get("/me/access-log?limit=1")
                .then()
                .statusCode(200)
                .body("items.type", contains("record.accessed"));

        send("disclosure-events", me, involvement(org, me, caseId, true, "AGREED"));
        await(
                "six entries",
                () -> compliance(org)
                                .get("/audit/entries")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("items")
                                .size()
                        == 6);
        client(org, me)
                .get("/me/access-log")
                .then()
                .statusCode(200)
                .body("items.type", containsInAnyOrder("disclosure.shared", "disclosure.shared", "record.accessed"))
                .body("items.findAll { it.type == 'disclosure.shared' }.correlationId", everyItem(equalTo(caseId)))
                .body("items.findAll { it.type == 'disclosure.shared' }.recipientRole", everyItem(equalTo("POLICE")))
                .body("nextCursor", nullValue());
    }

    @Test
    @DisplayName("the access log is for clients only: no token 401, other roles 403")
    void access() {
        given().get("/me/access-log").then().statusCode(401);
        for (String role : new String[] {"compliance", "practitioner", "manager", "admin", "partner", "supervisor"}) {
            given().auth()
                    .oauth2(Tokens.token(role, "org-a", "x"))
                    .get("/me/access-log")
                    .then()
                    .statusCode(403);
        }
        client("org-a", "c").get("/me/access-log?limit=0").then().statusCode(400);
    }
}
