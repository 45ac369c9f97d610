package org.confide.audit.fhir;

import static io.restassured.RestAssured.given;
import static org.confide.audit.AuditTestSupport.await;
import static org.confide.audit.AuditTestSupport.compliance;
import static org.confide.audit.AuditTestSupport.event;
import static org.confide.audit.AuditTestSupport.send;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.confide.testing.FhirValidation;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/api.md "FHIR R4", audit-service: every resource received is checked by the HAPI FHIR validator. */
@QuarkusTest
class AuditEventFhirTest {

    static final String FHIR = "application/fhir+json";
    static FhirValidation validation;

    @BeforeAll
    static void validator() {
        validation = new FhirValidation();
    }

    @AfterAll
    static void report() {
        System.out.println(validation.summary());
    }

    static Response fhir(Response r, int status) {
        r.then().statusCode(status).contentType(startsWith(FHIR));
        validation.requireValid(r.asString());
        return r;
    }

    /** A disclosure's trail: raised, then shared, for one client and one correlation id; and an access of another. */
    static void trail(String org, String client, String corr) throws Exception {
        String caseId = UUID.randomUUID().toString();
        send(
                "disclosure-events",
                org,
                event(
                        UUID.randomUUID().toString(),
                        org,
                        "disclosure-service",
                        "disclosure.raised",
                        client,
                        "prac-1",
                        "practitioner",
                        corr,
                        """
                        {"caseId":"%s","clientId":"%s","status":"RAISED","outcome":"REQUIRED","grounds":["MEDICAL_EMERGENCY"],"rule":"R-BRK-1"}""".formatted(caseId, client)));
        send(
                "disclosure-events",
                org,
                event(
                        UUID.randomUUID().toString(),
                        org,
                        "disclosure-service",
                        "disclosure.shared",
                        client,
                        "mgr-1",
                        "manager",
                        corr,
                        """
                        {"caseId":"%s","clientId":"%s","status":"DISCLOSED","outcome":"REQUIRED","recipientType":"EMERGENCY_SERVICES","method":"PHONE","categories":["RISK_INFORMATION"],"emergency":true,"basis":"VITAL_INTERESTS","rule":"R-PROC-2"}""".formatted(caseId, client)));
        send(
                "records-events",
                org,
                event(
                        UUID.randomUUID().toString(),
                        org,
                        "records-service",
                        "record.accessed",
                        client,
                        "prac-1",
                        "practitioner",
                        UUID.randomUUID().toString(),
                        """
                        {"clientId":"%s","purposeOfUse":"CARE","resource":"notes"}""".formatted(client)));
        await(
                "three entries",
                () -> compliance(org)
                                .get("/audit/entries?clientId=" + client)
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("items")
                                .size()
                        == 3);
    }

    @Test
    @DisplayName(
            "R-PROC-3: the AuditEvent of a disclosure step carries its audit entry's seq and hash, and the canonical"
                    + " JSON whose SHA-256 after prevHash is that hash")
    void disclosureStepMatchesTheLog() throws Exception {
        String org = "org-fhir-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        String corr = UUID.randomUUID().toString();
        trail(org, client, corr);
        Map<String, Object> shared = compliance(org)
                .get("/audit/entries?type=disclosure.shared&clientId=" + client)
                .then()
                .extract()
                .jsonPath()
                .getMap("items[0]");
        Response bundle = fhir(compliance(org).accept(FHIR).get("/fhir/r4/AuditEvent?_tag=" + corr), 200);
        bundle.then()
                .body("type", equalTo("searchset"))
                .body("total", equalTo(2))
                .body("entry", hasSize(2))
                .body(
                        "entry.resource.collect { it.subtype[0].code }",
                        equalTo(List.of("disclosure.raised", "disclosure.shared")));
        JsonPath event = new JsonPath(compliance(org)
                .accept(FHIR)
                .get("/fhir/r4/AuditEvent/" + shared.get("seq"))
                .asString());
        fhir(compliance(org).accept(FHIR).get("/fhir/r4/AuditEvent/" + shared.get("seq")), 200);
        assertEquals(bundle.jsonPath().getMap("entry[1].resource"), event.getMap("$"), "search and read agree");
        assertEquals("AuditEvent", event.getString("resourceType"));
        assertEquals("110106", event.getString("type.code"), "a share is information leaving: DICOM Export");
        assertEquals("U", event.getString("action"));
        assertEquals("0", event.getString("outcome"));
        assertEquals("manager", event.getString("agent[0].role[0].coding[0].code"));
        assertEquals("mgr-1", event.getString("agent[0].who.identifier.value"));
        assertEquals(client, event.getString("entity[0].what.identifier.value"));
        assertEquals("urn:confide:client", event.getString("entity[0].what.identifier.system"));
        assertEquals(corr, event.getString("meta.tag[0].code"));
        Map<String, String> detail = new java.util.HashMap<>();
        for (Map<String, String> d : event.<Map<String, String>>getList("entity[1].detail")) {
            detail.put(d.get("type"), d.get("valueString") != null ? d.get("valueString") : d.get("valueBase64Binary"));
        }
        assertEquals(String.valueOf(shared.get("seq")), detail.get("seq"));
        assertEquals(shared.get("hash"), detail.get("hash"), "the FHIR copy carries the entry's hash");
        assertEquals(shared.get("prevHash"), detail.get("prevHash"));
        assertEquals("EMERGENCY_SERVICES", detail.get("data.recipientType"));
        // Anyone can check the copy: SHA-256(prevHash ‖ canonical) is the hash (docs/api.md "Hashing").
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(HexFormat.of().parseHex(detail.get("prevHash")));
        sha.update(Base64.getDecoder().decode(detail.get("canonical")));
        assertEquals(shared.get("hash"), HexFormat.of().formatHex(sha.digest()));
        String canonical = new String(Base64.getDecoder().decode(detail.get("canonical")), StandardCharsets.UTF_8);
        assertTrue(canonical.contains("\"type\":\"disclosure.shared\""), canonical);

        // By client: the trail and the access, oldest first; the access read (R) with its purpose of use.
        Response byClient = fhir(compliance(org).accept(FHIR).get("/fhir/r4/AuditEvent?entity=" + client), 200);
        byClient.then()
                .body("total", equalTo(3))
                .body("entry[2].resource.action", equalTo("R"))
                .body("entry[2].resource.purposeOfEvent[0].coding[0].code", equalTo("CARE"));
        fhir(compliance(org).accept(FHIR).get("/fhir/r4/AuditEvent?entity=urn:confide:client|" + client), 200)
                .then()
                .body("total", equalTo(3));
    }

    @Test
    @DisplayName("R-PROC-3: _count pages the AuditEvents oldest first; the next link gives the rest, the last page has"
            + " none")
    void paging() throws Exception {
        String org = "org-fhir-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        trail(org, client, UUID.randomUUID().toString());
        Response first =
                fhir(compliance(org).accept(FHIR).get("/fhir/r4/AuditEvent?entity=" + client + "&_count=2"), 200);
        first.then().body("entry", hasSize(2)).body("total", equalTo(3));
        String next = first.jsonPath().getString("link.find { it.relation == 'next' }.url");
        assertNotNull(next, first.asString());
        Response second = fhir(compliance(org).accept(FHIR).get(next), 200);
        second.then().body("entry", hasSize(1)).body("link.find { it.relation == 'next' }", nullValue());
        List<String> ids = new ArrayList<>(first.jsonPath().getList("entry.resource.id"));
        ids.addAll(second.jsonPath().getList("entry.resource.id"));
        assertEquals(List.of("1", "2", "3"), ids);
        // Unfiltered: the whole log, paged, with no total (counting it would cost more than the page).
        fhir(compliance(org).accept(FHIR).get("/fhir/r4/AuditEvent?_count=1"), 200)
                .then()
                .body("total", nullValue())
                .body("entry", hasSize(1));
    }

    @Test
    @DisplayName("R-PROC-3: another organisation's entries are not found; other roles 403, no token 401, bad input"
            + " 400, all as OperationOutcome")
    void scopingAndRoles() throws Exception {
        String org = "org-fhir-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        trail(org, client, UUID.randomUUID().toString());
        String other = "org-fhir-other-" + UUID.randomUUID();
        fhir(compliance(other).accept(FHIR).get("/fhir/r4/AuditEvent?entity=" + client), 200)
                .then()
                .body("total", equalTo(0))
                .body("entry", nullValue());
        fhir(compliance(other).accept(FHIR).get("/fhir/r4/AuditEvent/1"), 404)
                .then()
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-found"));
        for (String role : List.of("manager", "practitioner", "admin", "client")) {
            fhir(
                            given().auth()
                                    .oauth2(Tokens.token(role, org, "x"))
                                    .accept(FHIR)
                                    .get("/fhir/r4/AuditEvent?entity=" + client),
                            403)
                    .then()
                    .body("issue[0].code", equalTo("forbidden"));
            fhir(
                    given().auth()
                            .oauth2(Tokens.token(role, org, "x"))
                            .accept(FHIR)
                            .get("/fhir/r4/AuditEvent/1"),
                    403);
        }
        fhir(given().accept(FHIR).get("/fhir/r4/AuditEvent?entity=" + client), 401)
                .then()
                .body("issue[0].code", equalTo("login"));
        fhir(given().accept(FHIR).get("/fhir/r4/AuditEvent/1"), 401);
        fhir(compliance(org).accept(FHIR).get("/fhir/r4/AuditEvent?clientId=" + client), 400)
                .then()
                .body("issue[1].expression[0]", equalTo("clientId"));
        fhir(compliance(org).accept(FHIR).get("/fhir/r4/AuditEvent?_count=x"), 400);
        fhir(compliance(org).accept(FHIR).get("/fhir/r4/AuditEvent/abc"), 400)
                .then()
                .body("issue[1].expression[0]", equalTo("id"));
        // application/json is answered too.
        compliance(org)
                .accept("application/json")
                .get("/fhir/r4/AuditEvent/1")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("resourceType", equalTo("AuditEvent"));
    }

    @Test
    @DisplayName(
            "docs/api.md FHIR R4: /fhir/r4/metadata, without a token, is a CapabilityStatement of exactly AuditEvent"
                    + " read and search by entity and _tag")
    void metadata() {
        fhir(given().accept(FHIR).get("/fhir/r4/metadata"), 200)
                .then()
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("rest[0].resource.type", equalTo(List.of("AuditEvent")))
                .body("rest[0].resource[0].interaction.code", equalTo(List.of("read", "search-type")))
                .body("rest[0].resource[0].searchParam.name", equalTo(List.of("entity", "_tag")));
        fhir(given().accept("application/fhir+xml").get("/fhir/r4/metadata"), 406)
                .then()
                .body("issue[0].code", equalTo("not-supported"));
    }
}
