package org.confide.consent.fhir.rest;

import static io.restassured.RestAssured.given;
import static org.confide.consent.Fixtures.as;
import static org.confide.consent.Fixtures.knownClient;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.confide.consent.Fixtures;
import org.confide.testing.FhirValidation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/api.md "FHIR R4", consent-service: every resource received is checked by the HAPI FHIR validator. */
@QuarkusTest
class ConsentFhirTest {

    static final String ORG = "org-fhir-consent";
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

    static String grant(String client, String purpose, String extra) {
        return as("practitioner", ORG, "prac-1")
                .body("""
                        {"clientId": "%s", "recipient": {"type": "GP", "name": "Dr Example", "orgId": "gp-surgery-1"},
                         "categories": ["CASE_NOTES", "ATTENDANCE"], "purpose": "%s", "method": "WRITTEN_SIGNED",
                         "explained": true, "evidenceRef": "form-7"%s}""".formatted(client, purpose, extra))
                .post("/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A FHIR answer: its content type, and the body passed by the validator. */
    static Response fhir(Response r, int status) {
        r.then().statusCode(status).contentType(startsWith(FHIR));
        validation.requireValid(r.asString());
        return r;
    }

    static RequestSpecification fhirAs(String role, String org, String sub) {
        return as(role, org, sub).accept(FHIR);
    }

    @Test
    @DisplayName(
            "R-CONS-1: a consent reads as an active FHIR R4 Consent: privacy scope, disclosure category, the client"
                    + " as patient, a permit to the recipient for the purpose and categories")
    void activeConsent() {
        String client = knownClient(ORG, "prac-1");
        String id = grant(client, "CONTINUING_CARE", "");
        Response bundle = fhir(fhirAs("practitioner", ORG, "prac-1").get("/fhir/r4/Consent?patient=" + client), 200);
        bundle.then()
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("total", equalTo(1))
                .body("entry", hasSize(1))
                .body("entry[0].fullUrl", startsWith("http"))
                .body("entry[0].search.mode", equalTo("match"))
                .body("link.find { it.relation == 'next' }", nullValue());
        Response read = fhir(fhirAs("manager", ORG, "m1").get("/fhir/r4/Consent/" + id), 200);
        read.then()
                .body("resourceType", equalTo("Consent"))
                .body("id", equalTo(id))
                .body("status", equalTo("active"))
                .body("scope.coding[0].code", equalTo("patient-privacy"))
                .body("category[0].coding.code", hasItem("64292-6"))
                .body("patient.identifier.system", equalTo("urn:confide:client"))
                .body("patient.identifier.value", equalTo(client))
                .body("organization[0].identifier.value", equalTo(ORG))
                .body("policyRule.coding[0].code", equalTo("OPTIN"))
                .body("provision.type", equalTo("permit"))
                .body("provision.period.start", startsWith("20"))
                .body("provision.period.end", nullValue())
                .body("provision.actor[0].role.coding[0].code", equalTo("IRCP"))
                .body("provision.actor[0].reference.identifier.value", equalTo("gp-surgery-1"))
                .body("provision.actor[0].extension[0].valueCode", equalTo("GP"))
                .body("provision.action[0].coding[0].code", equalTo("disclose"))
                .body("provision.purpose.code", equalTo(List.of("CONTINUING_CARE", "TREAT")))
                .body("provision.class.code", equalTo(List.of("ATTENDANCE", "CASE_NOTES")));
        assertEquals(
                bundle.jsonPath().getMap("entry[0].resource"), read.jsonPath().getMap("$"), "search and read agree");
        // Sealed free text never leaves in the FHIR copy.
        assertTrue(!read.asString().contains("Dr Example") && !read.asString().contains("form-7"));
        // application/json is answered too, with the same resource.
        as("manager", ORG, "m1")
                .accept("application/json")
                .get("/fhir/r4/Consent/" + id)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("status", equalTo("active"));
    }

    @Test
    @DisplayName("R-CONS-4: a withdrawn consent reads as inactive, its provision's period ending when it was withdrawn;"
            + " an expired one as inactive ending at validUntil")
    void withdrawnAndExpired() {
        String client = knownClient(ORG, "prac-1");
        String withdrawn = grant(client, "REFERRAL_UPDATES", "");
        as("client", ORG, client)
                .body("{\"reason\": \"private reason\"}")
                .post("/me/consents/" + withdrawn + "/withdraw")
                .then()
                .statusCode(200);
        String at = as("manager", ORG, "m1")
                .get("/consents/" + withdrawn)
                .then()
                .statusCode(200)
                .extract()
                .path("history[1].at");
        Response r = fhir(fhirAs("manager", ORG, "m1").get("/fhir/r4/Consent/" + withdrawn), 200);
        r.then()
                .body("status", equalTo("inactive"))
                .body("provision.type", equalTo("permit"))
                .body("provision.purpose.code", equalTo(List.of("REFERRAL_UPDATES", "COC")));
        assertEquals(
                Instant.parse(at).truncatedTo(ChronoUnit.MILLIS),
                Instant.parse(r.jsonPath().getString("provision.period.end")));
        assertTrue(!r.asString().contains("private reason"));

        String expired = grant(client, "CONTINUING_CARE", ", \"validUntil\": \"2099-01-01T00:00:00Z\"");
        // Its end moved back to its start: expired now, whatever the clock says.
        Instant end = Instant.parse(as("manager", ORG, "m1")
                .get("/consents/" + expired)
                .then()
                .extract()
                .<String>path("validFrom"));
        Fixtures.setValidUntil(expired, end.toString());
        end = end.truncatedTo(ChronoUnit.MILLIS);
        Response e = fhir(fhirAs("manager", ORG, "m1").get("/fhir/r4/Consent/" + expired), 200);
        e.then().body("status", equalTo("inactive"));
        assertEquals(end, Instant.parse(e.jsonPath().getString("provision.period.end")));
    }

    @Test
    @DisplayName("R-CONS-2: a consent awaiting a manager's permission reads as proposed, a refused one as rejected")
    void pendingAndRefused() {
        String client = knownClient(ORG, "prac-1");
        String pending = grant(client, "CASE_STUDY", "");
        String refused = grant(client, "TRAINING", "");
        as("manager", ORG, "m1")
                .body("{\"approved\": false}")
                .post("/consents/" + refused + "/approval")
                .then()
                .statusCode(200);
        fhir(fhirAs("manager", ORG, "m1").get("/fhir/r4/Consent/" + pending), 200)
                .then()
                .body("status", equalTo("proposed"))
                .body("provision.purpose.code", equalTo(List.of("CASE_STUDY")));
        fhir(fhirAs("manager", ORG, "m1").get("/fhir/r4/Consent/" + refused), 200)
                .then()
                .body("status", equalTo("rejected"))
                .body("provision.purpose.code", equalTo(List.of("TRAINING", "TRAIN")));
    }

    @Test
    @DisplayName("R-REC-1: another organisation's client is not found (an empty searchset, 404 OperationOutcome for"
            + " the consent); other roles 403, an unallocated practitioner 403 R-REC-1, no token 401, all as"
            + " OperationOutcome")
    void scopingAndRoles() {
        String client = knownClient(ORG, "prac-1");
        String id = grant(client, "CONTINUING_CARE", "");
        fhir(fhirAs("manager", "org-fhir-other", "m9").get("/fhir/r4/Consent?patient=" + client), 200)
                .then()
                .body("total", equalTo(0))
                .body("entry", nullValue());
        fhir(fhirAs("manager", "org-fhir-other", "m9").get("/fhir/r4/Consent/" + id), 404)
                .then()
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-found"));
        fhir(fhirAs("manager", ORG, "m1").get("/fhir/r4/Consent/" + java.util.UUID.randomUUID()), 404);
        for (String role : List.of("supervisor", "compliance", "client", "partner", "admin")) {
            fhir(fhirAs(role, ORG, "x").get("/fhir/r4/Consent?patient=" + client), 403)
                    .then()
                    .body("issue[0].code", equalTo("forbidden"));
            fhir(fhirAs(role, ORG, "x").get("/fhir/r4/Consent/" + id), 403);
        }
        fhir(fhirAs("practitioner", ORG, "prac-2").get("/fhir/r4/Consent?patient=" + client), 403)
                .then()
                .body("issue[0].details.coding[0].code", equalTo("R-REC-1"));
        fhir(fhirAs("practitioner", ORG, "prac-2").get("/fhir/r4/Consent/" + id), 403);
        fhir(given().accept(FHIR).get("/fhir/r4/Consent?patient=" + client), 401)
                .then()
                .body("issue[0].code", equalTo("login"));
        fhir(given().accept(FHIR).get("/fhir/r4/Consent/" + id), 401);
        // Bad input names the parameter, as the FHIR issue's expression.
        fhir(fhirAs("manager", ORG, "m1").get("/fhir/r4/Consent?patient=" + client + "&_count=0"), 400)
                .then()
                .body("issue[0].code", equalTo("invalid"))
                .body("issue[1].expression[0]", equalTo("_count"));
        fhir(fhirAs("manager", ORG, "m1").get("/fhir/r4/Consent?subject=" + client), 400)
                .then()
                .body("issue[1].expression[0]", equalTo("subject"));
        fhir(fhirAs("manager", ORG, "m1").get("/fhir/r4/Consent/not-a-uuid"), 400)
                .then()
                .body("issue[1].expression[0]", equalTo("id"));
        fhir(fhirAs("manager", ORG, "m1").get("/fhir/r4/Patient/" + client), 404);
        // The other paths keep problem+json.
        as("manager", "org-fhir-other", "m9")
                .get("/consents/" + id)
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    @DisplayName("R-CONS-1: _count pages the searchset; the next link gives the rest, and the last page has none")
    void paging() {
        String client = knownClient(ORG, "prac-1");
        List<String> ids = new ArrayList<>();
        for (String purpose : List.of("CONTINUING_CARE", "REFERRAL_UPDATES", "SUPERVISION")) {
            ids.add(grant(client, purpose, ""));
        }
        Response first = fhir(
                fhirAs("practitioner", ORG, "prac-1").get("/fhir/r4/Consent?patient=" + client + "&_count=2"), 200);
        first.then().body("total", equalTo(3)).body("entry", hasSize(2));
        String next = first.jsonPath().getString("link.find { it.relation == 'next' }.url");
        assertTrue(next != null && next.contains("_cursor="), "a next link: " + first.asString());
        Response second = fhir(fhirAs("practitioner", ORG, "prac-1").get(next), 200);
        second.then()
                .body("total", equalTo(3))
                .body("entry", hasSize(1))
                .body("link.find { it.relation == 'next' }", nullValue());
        List<String> seen = new ArrayList<>(first.jsonPath().getList("entry.resource.id"));
        seen.addAll(second.jsonPath().getList("entry.resource.id"));
        assertEquals(ids.stream().sorted().toList(), seen.stream().sorted().toList());
        assertNotEquals(seen.get(0), seen.get(2));
        // Without a patient: what the caller may see (a manager: the organisation's), paged the same way.
        Response all = fhir(fhirAs("manager", ORG, "m1").get("/fhir/r4/Consent?_count=1"), 200);
        assertTrue(all.jsonPath().getInt("total") >= 3);
        fhir(fhirAs("manager", ORG, "m1").get("/fhir/r4/Consent?_cursor=%%%"), 400);
    }

    @Test
    @DisplayName(
            "docs/api.md FHIR R4: /fhir/r4/metadata, without a token, is a CapabilityStatement of exactly Consent read"
                    + " and search by patient")
    void metadata() {
        Response r = fhir(given().accept(FHIR).get("/fhir/r4/metadata"), 200);
        r.then()
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("kind", equalTo("instance"))
                .body("fhirVersion", equalTo("4.0.1"))
                .body("format", equalTo(List.of("json")))
                .body("rest", hasSize(1))
                .body("rest[0].resource.type", equalTo(List.of("Consent")))
                .body("rest[0].resource[0].interaction.code", equalTo(List.of("read", "search-type")))
                .body("rest[0].resource[0].searchParam.name", equalTo(List.of("patient")));
        assertNull(r.jsonPath().get("rest[0].resource[0].interaction.find { it.code == 'create' }"));
        fhir(given().accept("application/fhir+xml").get("/fhir/r4/metadata"), 406)
                .then()
                .body("issue[0].code", equalTo("not-supported"));
    }
}
