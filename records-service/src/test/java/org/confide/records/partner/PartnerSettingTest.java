package org.confide.records.partner;

import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.rows;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerSettingTest {

    static final String PROVIDER = "org-partners";

    static String referral(String providerOrg) {
        return """
                {"providerOrg": "%s", "identity": {"fullName": "Jo Marsh"}, "programme": "MENTORING",
                 "reason": "struggling after a move"}""".formatted(providerOrg);
    }

    /** The provider's clients referred by the partner, the partner's referrals and referral.received events, so far. */
    static List<Long> written(String providerOrg, String partnerOrg) {
        return List.of(
                (Long) rows("select count(*) from client where org = ?1 and referrer_org = ?2", providerOrg, partnerOrg)
                        .getFirst()[0],
                (Long) rows("select count(*) from referral where referrer_org = ?1", partnerOrg)
                        .getFirst()[0],
                (Long) rows(
                                "select count(*) from outbox_event where event_type = 'referral.received' and payload like ?1",
                                "%" + partnerOrg + "%")
                        .getFirst()[0]);
    }

    @Test
    @DisplayName(
            "R-REF-1: a partner the provider does not list is refused 403 naming the rule, and nothing is written; once listed, 201")
    void onlyListedPartnersRefer() {
        as("admin", PROVIDER, "adm")
                .body(Map.of("partnerOrgs", List.of("partner-ok")))
                .put("/settings/partners")
                .then()
                .statusCode(200);
        List<Long> before = written(PROVIDER, "partner-unlisted");
        as("partner", "partner-unlisted", "api")
                .body(referral(PROVIDER))
                .post("/referrals")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-REF-1"))
                .body("detail", containsString("does not accept referrals"));
        assertEquals(before, written(PROVIDER, "partner-unlisted"), "no client, referral or event was written");

        // An organisation nobody has set up accepts no referrals, and is refused the same way (its existence is not
        // told).
        as("partner", "partner-ok", "api")
                .body(referral("org-with-no-list"))
                .post("/referrals")
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REF-1"));
        assertEquals(
                0L,
                rows("select count(*) from client where org = 'org-with-no-list'")
                        .getFirst()[0]);

        as("partner", "partner-ok", "api")
                .body(referral(PROVIDER + "\\u0000"))
                .post("/referrals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("providerOrg"));
        assertEquals(0L, written(PROVIDER, "partner-ok").getFirst());

        as("partner", "partner-ok", "api")
                .body(referral(PROVIDER))
                .post("/referrals")
                .then()
                .statusCode(201)
                .body("status", equalTo("RECEIVED"));

        as("admin", PROVIDER, "adm")
                .body(Map.of("partnerOrgs", List.of("partner-unlisted", "partner-ok")))
                .put("/settings/partners")
                .then()
                .statusCode(200);
        as("partner", "partner-unlisted", "api")
                .body(referral(PROVIDER))
                .post("/referrals")
                .then()
                .statusCode(201);
        List<Long> after = written(PROVIDER, "partner-unlisted");
        assertEquals(List.of(before.get(0) + 1, before.get(1) + 1, before.get(2) + 1), after);

        // Taken off the list, the partner is refused again.
        as("admin", PROVIDER, "adm")
                .body(Map.of("partnerOrgs", List.of("partner-ok")))
                .put("/settings/partners")
                .then()
                .statusCode(200);
        as("partner", "partner-unlisted", "api")
                .body(referral(PROVIDER))
                .post("/referrals")
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REF-1"));
        assertEquals(after, written(PROVIDER, "partner-unlisted"));
    }

    @Test
    @DisplayName(
            "R-REF-1: the admin sets the list (stripped, deduplicated, in name order); admin and manager read it; it is the caller's org's only")
    void setAndRead() {
        String org = "org-partners-list";
        as("manager", org, "m")
                .get("/settings/partners")
                .then()
                .statusCode(200)
                .body("org", equalTo(org))
                .body("partnerOrgs.size()", equalTo(0));
        as("admin", org, "adm")
                .body(Map.of("partnerOrgs", List.of("partner-b", " partner-a ", "partner-b")))
                .put("/settings/partners")
                .then()
                .statusCode(200)
                .body("org", equalTo(org))
                .body("partnerOrgs", contains("partner-a", "partner-b"));
        as("manager", org, "m")
                .get("/settings/partners")
                .then()
                .statusCode(200)
                .body("partnerOrgs", contains("partner-a", "partner-b"));
        as("admin", org, "adm")
                .get("/settings/partners")
                .then()
                .statusCode(200)
                .body("partnerOrgs", contains("partner-a", "partner-b"));
        as("manager", "org-partners-other", "m")
                .get("/settings/partners")
                .then()
                .statusCode(200)
                .body("partnerOrgs.size()", equalTo(0));
        as("admin", org, "adm")
                .body(Map.of("partnerOrgs", List.of()))
                .put("/settings/partners")
                .then()
                .statusCode(200)
                .body("partnerOrgs.size()", equalTo(0));
        assertEquals(
                0L,
                rows("select count(*) from accepted_partner where org = ?1", org)
                        .getFirst()[0]);
    }

    @Test
    @DisplayName("R-REF-1: a bad partner list is 422 naming the entry and the rule, and the list stands unchanged")
    void badLists() {
        String org = "org-partners-bad";
        as("admin", org, "adm")
                .body(Map.of("partnerOrgs", List.of("partner-keep")))
                .put("/settings/partners")
                .then()
                .statusCode(200);
        Map<String, String> bad = Map.of(
                "{}",
                "partnerOrgs",
                "{\"partnerOrgs\": null}",
                "partnerOrgs",
                "{\"partnerOrgs\": [\"p\", \"  \"]}",
                "partnerOrgs[1]",
                "{\"partnerOrgs\": [\"p\", null]}",
                "partnerOrgs[1]",
                "{\"partnerOrgs\": [\"" + "p".repeat(201) + "\"]}",
                "partnerOrgs[0]",
                "{\"partnerOrgs\": [\"p\\u0001q\"]}",
                "partnerOrgs[0]",
                "{\"partnerOrgs\": [" + "\"p\",".repeat(500) + "\"q\"]}",
                "partnerOrgs");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            as("admin", org, "adm")
                    .body(e.getKey())
                    .put("/settings/partners")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("rule", equalTo("R-REF-1"))
                    .body("violations[0].field", equalTo(e.getValue()));
        }
        as("admin", org, "adm")
                .body("{\"partnerOrgs\": \"partner-x\"}")
                .put("/settings/partners")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("admin", org, "adm")
                .put("/settings/partners")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as("admin", org, "adm")
                .get("/settings/partners")
                .then()
                .statusCode(200)
                .body("partnerOrgs", contains("partner-keep"));
    }
}
