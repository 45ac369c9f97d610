package org.confide.records;

import static io.restassured.RestAssured.given;
import static org.confide.records.Fixtures.ORG;
import static org.confide.records.Fixtures.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint against every kind of caller (docs/api.md conventions): no token 401; a role the endpoint never allows 403;
 * another organisation's resource 404; in the caller's org but not theirs (unallocated practitioner, another client's
 * letter) 403. "ok" means the request succeeded (2xx); where the domain refuses an allowed caller, the cell names that
 * code (a 409 or 422 is not "ok": a rule checked before access would hide a missing 403 behind it).
 */
@QuarkusTest
class AuthMatrixTest {

    private static final Set<Integer> OK = Set.of(200, 201, 204);

    /** Callers: code -> (role, org, sub). C and Y are clients; their sub is filled in once the clients exist. */
    private final Map<String, String[]> callers = new LinkedHashMap<>();

    private RequestSpecification call(String code) {
        if (code.equals("A")) return given().contentType(ContentType.JSON);
        String[] c = callers.get(code);
        return given().auth().oauth2(Tokens.token(c[0], c[1], c[2])).contentType(ContentType.JSON);
    }

    @Test
    @DisplayName(
            "R-REC-1, R-REF-1 (partners listed by the provider), R-CONF-2, R-CONF-3, R-CONF-4, R-CONF-5, R-CONS-3, R-REC-2..4, R-SAFE-1, R-SAFE-2, R-COMP-1: the auth matrix of every records endpoint, groups included")
    void matrix() {
        String client = Fixtures.client("prac-own");
        String otherClient = Fixtures.client("prac-own");
        String letter = as("practitioner", "prac-own")
                .body("{\"recipient\": \"GP\", \"body\": \"b\"}")
                .post("/clients/" + client + "/letters")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // R-REF-1: ORG takes referrals from partner-m only; partner-o (O below) is refused 403.
        Fixtures.acceptPartners(ORG, "partner-m");
        String referral = as("partner", "partner-m", "api")
                .body("{\"providerOrg\": \"" + ORG + "\", \"identity\": "
                        + "{\"fullName\": \"Lee Park\"}, \"programme\": \"COACHING\", \"reason\": \"r\"}")
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // Groups (R-CONF-3/4): P facilitates (created it), Q is a practitioner of the org who does not.
        String group = as("practitioner", "prac-own")
                .body("{\"kind\": \"PEER_GROUP\", \"name\": \"g\", " + "\"programme\": \"GROUP\"}")
                .post("/groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String stays = as("practitioner", "prac-own")
                .body("{\"alias\": \"a\", \"groundRulesAgreed\": true}")
                .post("/groups/" + group + "/members")
                .then()
                .statusCode(201)
                .extract()
                .path("memberId");
        String leaves = as("practitioner", "prac-own")
                .body("{\"alias\": \"b\", \"groundRulesAgreed\": true}")
                .post("/groups/" + group + "/members")
                .then()
                .statusCode(201)
                .extract()
                .path("memberId");

        // R-SAFE-1/2: a session attended by three members; a fourth member excluded; a complaint of client C
        // (R-COMP-1).
        String third = as("practitioner", "prac-own")
                .body("{\"alias\": \"c\", \"groundRulesAgreed\": true}")
                .post("/groups/" + group + "/members")
                .then()
                .statusCode(201)
                .extract()
                .path("memberId");
        String fourth = as("practitioner", "prac-own")
                .body("{\"alias\": \"d\", \"groundRulesAgreed\": true}")
                .post("/groups/" + group + "/members")
                .then()
                .statusCode(201)
                .extract()
                .path("memberId");
        String session = as("practitioner", "prac-own")
                .body("{\"sessionDate\": \"2026-11-20\", \"attendeeIds\": [\"" + stays + "\", \"" + third + "\"]}")
                .post("/groups/" + group + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String exclusion = as("practitioner", "prac-own")
                .body("{\"memberId\": \"" + fourth + "\", \"reason\": \"MEMBERS_DECISION\"}")
                .post("/groups/" + group + "/exclusions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String complaint = given().auth()
                .oauth2(Tokens.token("client", ORG, client))
                .contentType(ContentType.JSON)
                .body("{\"text\": \"t\"}")
                .post("/me/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // A ceased client whose retention has ended (0 days until the settings row below puts 1095 back): destroyable.
        String doomed = Fixtures.client("prac-own");
        as("manager", "mgr")
                .body("{\"type\": \"CONTACT_CEASED\"}")
                .post("/clients/" + doomed + "/milestones")
                .then()
                .statusCode(201);
        as("admin", "adm")
                .body("{\"retentionDays\": 0}")
                .put("/settings/retention")
                .then()
                .statusCode(200);

        // R-CONF-5: S supervises prac-own, and the client was told; a second agreement is there to be ended below.
        as("manager", "mgr")
                .body("{\"supervisorId\": \"sup\", \"practitionerId\": \"prac-own\"}")
                .post("/supervision-agreements")
                .then()
                .statusCode(201);
        String agreement = as("manager", "mgr")
                .body("{\"supervisorId\": \"sup-ended\", \"practitionerId\": \"prac-own\"}")
                .post("/supervision-agreements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("practitioner", "prac-own")
                .body("{\"explained\": true}")
                .post("/clients/" + client + "/supervision-notice")
                .then()
                .statusCode(200);

        callers.put("M", new String[] {"manager", ORG, "mgr"});
        callers.put("P", new String[] {"practitioner", ORG, "prac-own"});
        callers.put("Q", new String[] {"practitioner", ORG, "prac-unallocated"});
        callers.put("S", new String[] {"supervisor", ORG, "sup"});
        callers.put("C", new String[] {"client", ORG, client});
        callers.put("Y", new String[] {"client", ORG, otherClient});
        callers.put("K", new String[] {"compliance", ORG, "comp"});
        callers.put("D", new String[] {"admin", ORG, "adm"});
        callers.put("N", new String[] {"partner", "partner-m", "api"});
        callers.put("O", new String[] {"partner", "partner-o", "api"});
        callers.put("X", new String[] {"manager", "org-b", "mgr-b"});
        callers.put("T", new String[] {"supervisor", "org-b", "sup-b"});
        callers.put("Z", new String[] {"client", "org-b", client});

        String c = "/clients/" + client;
        String note = "{\"sessionDate\": \"2026-11-20\", \"kind\": \"SESSION\", \"body\": \"n\"}";
        String newClient = Fixtures.CLIENT_BODY;
        String newReferral = "{\"providerOrg\": \"" + ORG + "\", \"identity\": {\"fullName\": \"Lee Park\"}, "
                + "\"programme\": \"COACHING\", \"reason\": \"r\"}";
        // Unlisted callers expect 403; "ok" = past authorisation.
        String staffOfClient = "M=ok P=ok Q=403 X=404";
        // A group's staff: the org's managers and its facilitators; members (clients) never (R-CONF-4).
        String g = "/groups/" + group;
        String staffOfGroup = "M=ok P=ok Q=403 X=404";
        List<Object[]> rows = List.of(
                row("POST", "/clients", newClient, "M=ok P=ok Q=ok X=ok"),
                row("GET", c, null, staffOfClient),
                row("GET", "/clients", null, "M=ok P=ok Q=ok X=ok"),
                row("POST", "/referrals", newReferral, "N=ok"),
                row("GET", "/referrals/" + referral, null, "N=ok O=404"),
                row("GET", "/partner/notifications", null, "N=ok O=ok"),
                row("POST", c + "/milestones", "{\"type\": \"INITIAL_MEETING_HELD\"}", staffOfClient),
                row("GET", c + "/milestones", null, staffOfClient),
                row("POST", c + "/notes", note, staffOfClient),
                row("GET", c + "/notes", null, staffOfClient),
                row("POST", c + "/supervision-notes", "{\"text\": \"themes\"}", staffOfClient),
                row("GET", c + "/supervision-view", null, "S=ok T=404"),
                row("POST", c + "/supervision-notice", "{\"explained\": true}", staffOfClient),
                row("GET", "/supervision-agreements", null, "M=ok P=ok Q=ok S=ok T=ok X=ok"),
                row("GET", "/supervision-agreements/" + agreement, null, "M=ok P=ok Q=404 S=404 T=404 X=404"),
                row("POST", "/supervision-agreements/" + agreement + "/end", null, "M=ok X=404"),
                row("POST", c + "/letters", "{\"recipient\": \"GP\", \"body\": \"b\"}", staffOfClient),
                row("GET", c + "/letters", null, staffOfClient),
                row("GET", "/me/letters", null, "C=ok Y=ok Z=404"),
                row("GET", "/me/letters/" + letter, null, "C=ok Y=403 Z=404"),
                row("POST", "/me/letters/" + letter + "/approval", "{\"approved\": true}", "C=ok Y=403 Z=404"),
                // Approved just above: M sends it; P, also allowed, finds it sent (R-CONS-3), not a refusal of access.
                row("POST", c + "/letters/" + letter + "/send", null, "M=ok P=409 Q=403 X=404"),
                row("GET", "/me/file", null, "C=ok Y=ok Z=404"),
                row("POST", c + "/legal-hold", "{\"reason\": \"court\"}", "M=ok X=404"),
                row("DELETE", c + "/legal-hold", null, "M=ok X=404"),
                row("POST", "/clients/" + doomed + "/destruction", null, "M=ok X=404"),
                row("PUT", "/settings/retention", "{\"retentionDays\": 1095}", "D=ok"),
                row("GET", "/settings/retention", null, "D=ok M=ok X=ok"),
                row("PUT", "/settings/partners", "{\"partnerOrgs\": [\"partner-m\"]}", "D=ok"),
                row("GET", "/settings/partners", null, "D=ok M=ok X=ok"),
                row("POST", "/retention/run", null, "D=ok M=ok X=ok"),
                row(
                        "POST",
                        "/groups",
                        "{\"kind\": \"NETWORK\", \"name\": \"n\", \"programme\": \"NETWORK_MEETING\"}",
                        "M=ok P=ok Q=ok X=ok"),
                row("GET", g, null, staffOfGroup),
                row("POST", g + "/facilitators", "{\"practitionerId\": \"prac-2\"}", "M=ok X=404"),
                row("POST", g + "/members", "{\"alias\": \"m\", \"groundRulesAgreed\": true}", staffOfGroup),
                row("DELETE", g + "/members/" + leaves, null, staffOfGroup),
                row(
                        "POST",
                        g + "/sessions",
                        "{\"sessionDate\": \"2026-11-20\", \"attendeeIds\": [\"" + stays + "\"]}",
                        staffOfGroup),
                row("GET", g + "/sessions", null, staffOfGroup),
                // Recorded by M: P, also allowed, finds it done (409), not a refusal of access.
                row(
                        "POST",
                        g + "/sessions/" + session + "/asked-to-leave",
                        "{\"memberId\": \"" + stays + "\", \"reason\": \"DISTRESS\"}",
                        "M=ok P=409 Q=403 X=404"),
                row(
                        "POST",
                        g + "/sessions/" + session + "/end",
                        "{\"reason\": \"SAFETY_AT_RISK\", \"supportOfferedTo\": [\"" + third + "\"]}",
                        "M=ok P=409 Q=403 X=404"),
                row(
                        "POST",
                        g + "/exclusions",
                        "{\"memberId\": \"" + third + "\", \"reason\": \"MEMBERS_DECISION\"}",
                        "M=ok P=409 Q=403 X=404"),
                row("GET", g + "/exclusions", null, staffOfGroup),
                row("GET", g + "/exclusions/" + exclusion, null, staffOfGroup),
                row("POST", g + "/exclusions/" + exclusion + "/lift", null, "M=ok X=404"),
                row("POST", "/me/complaints", "{\"text\": \"t\"}", "C=ok Y=ok Z=404"),
                row("GET", "/me/complaints", null, "C=ok Y=ok Z=404"),
                row("GET", "/me/complaints/" + complaint, null, "C=ok Y=403 Z=404"),
                row("GET", "/complaints", null, "M=ok X=ok"),
                row("GET", "/complaints/" + complaint, null, "M=ok X=404"),
                row("POST", "/complaints/" + complaint + "/status", "{\"status\": \"ACKNOWLEDGED\"}", "M=ok X=404"),
                row("PUT", "/settings/complaint-bodies", "{\"outsideBodies\": []}", "D=ok"),
                row("GET", "/settings/complaint-bodies", null, "D=ok M=ok X=ok"));

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Object[] r : rows) {
            Map<String, String> expected = new HashMap<>();
            for (String e : ((String) r[3]).split(" ")) expected.put(e.split("=")[0], e.split("=")[1]);
            List<String> codes = new ArrayList<>(callers.keySet());
            codes.add("A");
            for (String code : codes) {
                String want = code.equals("A") ? "401" : expected.getOrDefault(code, "403");
                RequestSpecification spec = call(code);
                if (r[2] != null) spec = spec.body((String) r[2]);
                Response resp = spec.request((String) r[0], (String) r[1]);
                int got = resp.statusCode();
                boolean right = want.equals("ok") ? OK.contains(got) : got == Integer.parseInt(want);
                if (!right) wrong.add(r[0] + " " + r[1] + " as " + code + ": want " + want + ", got " + got);
                if (!want.equals("ok")
                        && !"application/problem+json".equals(resp.contentType().split(";")[0])) {
                    wrong.add(r[0] + " " + r[1] + " as " + code + ": refusal is not problem+json");
                }
                checked++;
            }
        }
        assertTrue(wrong.isEmpty(), checked + " calls, wrong:\n" + String.join("\n", wrong));
    }

    private static Object[] row(String method, String path, String body, String expected) {
        return new Object[] {method, path, body, expected};
    }
}
