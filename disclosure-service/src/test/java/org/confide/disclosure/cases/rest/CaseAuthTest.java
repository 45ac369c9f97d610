package org.confide.disclosure.cases.rest;

import static io.restassured.RestAssured.given;
import static org.confide.disclosure.Fixtures.as;
import static org.confide.disclosure.Fixtures.raise;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.confide.disclosure.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseAuthTest {

    static String concern(String clientId) {
        return CaseWorkflowTest.concern(clientId, "\"SERIOUS_CRIME\"", "SERIOUS");
    }

    @Test
    @DisplayName(
            "raise: a practitioner allocated or a manager; not allocated 403; unknown or other org's client 404; other roles 403; no token 401")
    void raiseAuth() {
        String org = "org-auth-1";
        String client = Fixtures.knownClient(org, "p1");
        as("practitioner", org, "p2")
                .body(concern(client))
                .post("/disclosures")
                .then()
                .statusCode(403);
        as("manager", "org-auth-other", "m9")
                .body(concern(client))
                .post("/disclosures")
                .then()
                .statusCode(404);
        as("practitioner", org, "p1")
                .body(concern("unknown-client"))
                .post("/disclosures")
                .then()
                .statusCode(404);
        for (String role : List.of("supervisor", "client", "partner", "compliance", "admin")) {
            as(role, org, "x").body(concern(client)).post("/disclosures").then().statusCode(403);
        }
        given().contentType("application/json")
                .body(concern(client))
                .post("/disclosures")
                .then()
                .statusCode(401);
        as("practitioner", org, "p1")
                .body(concern(client).replace("\"context\":\"GROUP_SESSION\",", ""))
                .post("/disclosures")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("context"));
        as("practitioner", org, "p1")
                .body(concern(client).replace("said they would hurt him", " "))
                .post("/disclosures")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("summary"));
    }

    @Test
    @DisplayName(
            "read: managers all of the org, a practitioner own or allocated, another practitioner 403, other org 404, bad id 400")
    void readAuth() {
        String org = "org-auth-2";
        String client = Fixtures.knownClient(org, "p1");
        String byManager = raise("manager", org, "m1", concern(client));
        as("practitioner", org, "p1")
                .get("/disclosures/" + byManager)
                .then()
                .statusCode(200)
                .body("raisedBy", equalTo("m1"));
        as("manager", org, "m2").get("/disclosures/" + byManager).then().statusCode(200);
        as("practitioner", org, "p2").get("/disclosures/" + byManager).then().statusCode(403);
        as("manager", "org-auth-other", "m9")
                .get("/disclosures/" + byManager)
                .then()
                .statusCode(404);
        as("supervisor", org, "s1").get("/disclosures/" + byManager).then().statusCode(403);
        as("manager", org, "m1")
                .get("/disclosures/not-a-uuid")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("id"));
        as("manager", org, "m1")
                .get("/disclosures/7b4f2c1e-0000-4000-8000-000000000000")
                .then()
                .statusCode(404);
    }

    @Test
    @DisplayName(
            "R-REC-1: a facilitator of a group the client is a current member of counts as allocated: raises and reads "
                    + "its cases; once the client has left the group, 403")
    void groupFacilitator() {
        String org = "org-auth-fac";
        String client = Fixtures.knownClient(org, "p1");
        String byManager = raise("manager", org, "m1", concern(client));
        as("practitioner", org, "fac")
                .get("/disclosures/" + byManager)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REC-1"));
        as("practitioner", org, "fac")
                .body(concern(client))
                .post("/disclosures")
                .then()
                .statusCode(403);
        String group = Fixtures.group(org, List.of(client));
        Fixtures.facilitate(org, group, "fac", client);
        as("practitioner", org, "fac").get("/disclosures/" + byManager).then().statusCode(200);
        raise("practitioner", org, "fac", concern(client));
        Fixtures.leave(org, group, client);
        as("practitioner", org, "fac")
                .get("/disclosures/" + byManager)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REC-1"));
    }

    @Test
    @DisplayName(
            "steps: the raiser or a manager; an allocated practitioner who did not raise it 403; decision and close managers only")
    void stepAuth() {
        String org = "org-auth-3";
        String client = Fixtures.knownClient(org, "p1");
        String id = raise("manager", org, "m1", concern(client));
        as("practitioner", org, "p1")
                .body(CaseWorkflowTest.TOLD)
                .post("/disclosures/" + id + "/client-involvement")
                .then()
                .statusCode(403);
        as("manager", org, "m2")
                .body(CaseWorkflowTest.TOLD)
                .post("/disclosures/" + id + "/client-involvement")
                .then()
                .statusCode(200);
        String own = raise("practitioner", org, "p1", concern(client));
        as("practitioner", org, "p1")
                .body(CaseWorkflowTest.APPROVE)
                .post("/disclosures/" + own + "/decision")
                .then()
                .statusCode(403);
        as("practitioner", org, "p1")
                .post("/disclosures/" + own + "/close")
                .then()
                .statusCode(403);
        as("manager", "org-auth-other", "m9")
                .body(CaseWorkflowTest.TOLD)
                .post("/disclosures/" + own + "/client-involvement")
                .then()
                .statusCode(404);
    }

    @Test
    @DisplayName("lists: filtered by client and status, scoped to what the caller may see, paged with a cursor")
    void lists() {
        String org = "org-auth-4";
        String a = Fixtures.knownClient(org, "p1");
        String b = Fixtures.knownClient(org, "p2");
        String a1 = raise("practitioner", org, "p1", concern(a));
        String a2 = raise("manager", org, "m1", concern(a));
        String b1 = raise("practitioner", org, "p2", concern(b));
        as("manager", org, "m1")
                .body(CaseWorkflowTest.TOLD)
                .post("/disclosures/" + a2 + "/client-involvement")
                .then()
                .statusCode(200);
        as("manager", org, "m2")
                .body("{\"decision\":\"REJECTED\",\"rationale\":\"no\"}")
                .post("/disclosures/" + a2 + "/decision")
                .then()
                .statusCode(200);

        as("manager", org, "m1")
                .get("/disclosures")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(a1, a2, b1))
                .body("nextCursor", nullValue());
        as("practitioner", org, "p1")
                .get("/disclosures")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(a1, a2));
        as("practitioner", org, "p2")
                .get("/disclosures")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(b1));
        as("manager", org, "m1")
                .queryParam("clientId", a)
                .get("/disclosures")
                .then()
                .body("items.id", containsInAnyOrder(a1, a2));
        as("manager", org, "m1")
                .queryParam("status", "REJECTED")
                .get("/disclosures")
                .then()
                .body("items.id", containsInAnyOrder(a2));
        as("manager", org, "m1")
                .queryParam("clientId", a)
                .queryParam("status", "RAISED")
                .get("/disclosures")
                .then()
                .body("items.id", containsInAnyOrder(a1));
        as("manager", org, "m1")
                .queryParam("status", "DONE")
                .get("/disclosures")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("status"));
        as("manager", org, "m1")
                .queryParam("clientId", "nobody")
                .get("/disclosures")
                .then()
                .statusCode(404);
        as("manager", org, "m1")
                .queryParam("limit", 0)
                .get("/disclosures")
                .then()
                .statusCode(400);
        as("manager", "org-auth-other", "m9")
                .get("/disclosures")
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
        as("supervisor", org, "s1").get("/disclosures").then().statusCode(403);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var req = as("manager", org, "m1").queryParam("limit", 1);
            if (cursor != null) req = req.queryParam("cursor", cursor);
            ValidatableResponse page =
                    req.get("/disclosures").then().statusCode(200).body("items.size()", is(1));
            seen.add(page.extract().path("items[0].id"));
            cursor = page.extract().path("nextCursor");
        } while (cursor != null && seen.size() < 5);
        assertEquals(3, seen.size());
        assertNotEquals(seen.get(0), seen.get(1));
        as("manager", org, "m1")
                .queryParam("cursor", "%%%")
                .get("/disclosures")
                .then()
                .statusCode(400);
    }

    @Test
    @DisplayName("Idempotency-Key: the same raise twice answers the first case again")
    void idempotent() {
        String org = "org-auth-5";
        String client = Fixtures.knownClient(org, "p1");
        String first = as("practitioner", org, "p1")
                .header("Idempotency-Key", "k-1")
                .body(concern(client))
                .post("/disclosures")
                .then()
                .statusCode(201)
                .body("id", notNullValue())
                .extract()
                .path("id");
        as("practitioner", org, "p1")
                .header("Idempotency-Key", "k-1")
                .body(concern(client))
                .post("/disclosures")
                .then()
                .statusCode(201)
                .body("id", equalTo(first));
        as("practitioner", org, "p1")
                .header("Idempotency-Key", "k-1")
                .body(concern(client).replace("SERIOUS_CRIME", "TERRORISM"))
                .post("/disclosures")
                .then()
                .statusCode(409);
    }

    @Test
    @DisplayName(
            "Idempotency-Key on a step of a case: the replay answers the first status with the case as it is now, and the stored row holds none of its text")
    void idempotentStep() {
        String org = "org-auth-6";
        String client = Fixtures.knownClient(org, "p1");
        String id = raise("practitioner", org, "p1", concern(client));
        String consult = CaseWorkflowTest.CONSULT;
        as("practitioner", org, "p1")
                .header("Idempotency-Key", "consult-1")
                .body(consult)
                .post("/disclosures/" + id + "/consultations")
                .then()
                .statusCode(201)
                .body("consultations.size()", is(1));
        as("practitioner", org, "p1")
                .body(CaseWorkflowTest.TOLD)
                .post("/disclosures/" + id + "/client-involvement")
                .then()
                .statusCode(200);
        as("practitioner", org, "p1")
                .header("Idempotency-Key", "consult-1")
                .body(consult)
                .post("/disclosures/" + id + "/consultations")
                .then()
                .statusCode(201)
                .body("id", equalTo(id))
                .body("consultations.size()", is(1))
                .body("clientInvolvements.size()", is(1));
        // Another caller's key of the same name is their own request.
        as("manager", org, "m2")
                .header("Idempotency-Key", "consult-1")
                .body(consult)
                .post("/disclosures/" + id + "/consultations")
                .then()
                .statusCode(201)
                .body("consultations.size()", is(2));

        EntityManager em = Arc.container().instance(EntityManager.class).get();
        @SuppressWarnings("unchecked")
        List<String> stored = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select row_to_json(k)::text from idempotency_key k where org = ?1", String.class)
                        .setParameter(1, org)
                        .getResultList());
        assertEquals(2, stored.size());
        String summary = "said they would hurt him";
        String hex = HexFormat.of().formatHex(summary.getBytes(StandardCharsets.UTF_8));
        for (String row : stored) {
            assertFalse(row.contains(summary) || row.contains(hex) || row.contains("SUPPORT"), row);
        }
    }
}
