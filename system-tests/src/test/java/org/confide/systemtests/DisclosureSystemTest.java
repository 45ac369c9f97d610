package org.confide.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * disclosure-service against the real consent-service, across processes. This class starts its own pair (own databases,
 * own consumer groups, disclosure pointed at this consent) so that it can stop consent-service without disturbing the
 * shared {@link RunningSystem}; clients come from the shared records-service through records-events.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DisclosureSystemTest {

    private static final String PRACTITIONER = "prac-1";
    private static RunningSystem system;
    private static ServiceProcess consent;
    private static ServiceProcess disclosure;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.get();
        consent = ServiceProcess.start("consent-service", config("consent"));
        consent.awaitReady();
        Map<String, String> d = config("disclosure");
        d.put("confide.disclosure.consent.url", consent.url());
        disclosure = ServiceProcess.start("disclosure-service", d);
        disclosure.awaitReady();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (disclosure != null) disclosure.close();
        if (consent != null) consent.close();
    }

    /** A fresh database and a service name of its own (so its own records-events consumer group and event source). */
    private static Map<String, String> config(String service) {
        Map<String, String> c = system.config(service + "-service", "dsystest");
        c.put("confide.platform.service-name", service + "-service-dsys");
        return c;
    }

    private static RequestSpecification as(String base, String role, String org, String sub) {
        return given().baseUri(base).auth().oauth2(Tokens.token(role, org, sub)).contentType(ContentType.JSON);
    }

    /** A client registered in records-service, once both consent-service and disclosure-service have heard of it. */
    private static String client(String org) throws InterruptedException {
        String id = as(system.url("records-service"), "practitioner", org, PRACTITIONER)
                .body(
                        "{\"identity\":{\"fullName\":\"Sam Example\",\"dateOfBirth\":\"1990-04-01\"},\"programme\":\"ONE_TO_ONE\",\"limitsExplained\":true}")
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            int c = as(consent.url(), "practitioner", org, PRACTITIONER)
                    .get("/consents?clientId=" + id)
                    .statusCode();
            int d = as(disclosure.url(), "practitioner", org, PRACTITIONER)
                    .get("/disclosures?clientId=" + id)
                    .statusCode();
            if (c == 200 && d == 200) return id;
            Thread.sleep(300);
        }
        throw new AssertionError("client " + id + " never reached consent-service and disclosure-service");
    }

    private static String consentToGp(String org, String client) {
        return as(consent.url(), "practitioner", org, PRACTITIONER)
                .body("{\"clientId\":\"" + client
                        + "\",\"recipient\":{\"type\":\"GP\"},\"categories\":[\"RISK_INFORMATION\"],"
                        + "\"purpose\":\"SAFEGUARDING\",\"method\":\"WRITTEN_SIGNED\",\"explained\":true}")
                .post("/consents")
                .then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .extract()
                .path("id");
    }

    private static String raise(String org, String client) {
        return as(disclosure.url(), "practitioner", org, PRACTITIONER)
                .body("{\"clientId\":\"" + client + "\",\"grounds\":[\"RISK_TO_SELF\"],\"immediacy\":\"CHRONIC\","
                        + "\"context\":\"ONE_TO_ONE\",\"summary\":\"low mood, plans\",\"proposedRecipients\":[{\"type\":\"GP\"}],"
                        + "\"categories\":[\"RISK_INFORMATION\"]}")
                .post("/disclosures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static final String SHARE =
            "{\"recipientType\":\"GP\",\"method\":\"SECURE_PORTAL\",\"categories\":[\"RISK_INFORMATION\"]}";

    @Test
    @Order(1)
    @DisplayName("R-CONF-1: a CONSENTED case shares without approval (consent asked of the real consent-service)")
    void consentedSharesWithoutApproval() throws Exception {
        String org = "sys-disc-" + UUID.randomUUID();
        String client = client(org);
        consentToGp(org, client);
        String id = raise(org, client);
        as(disclosure.url(), "practitioner", org, PRACTITIONER)
                .get("/disclosures/" + id)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("CONSENTED"))
                .body("assessment.recipients[0].consented", is(true))
                .body("consentChecked", is(true));
        as(disclosure.url(), "practitioner", org, PRACTITIONER)
                .body(SHARE)
                .post("/disclosures/" + id + "/shares")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISCLOSED"))
                .body("shares[0].basis", equalTo("CONSENT"));
    }

    @Test
    @Order(2)
    @DisplayName(
            "R-CONS-4: consent withdrawn mid-case turns the outcome; the share is refused until the steps of a breach are taken")
    void withdrawnMidCase() throws Exception {
        String org = "sys-disc-" + UUID.randomUUID();
        String client = client(org);
        String consentId = consentToGp(org, client);
        String id = raise(org, client);
        as(consent.url(), "practitioner", org, PRACTITIONER)
                .body("{}")
                .post("/consents/" + consentId + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        as(disclosure.url(), "practitioner", org, PRACTITIONER)
                .body(SHARE)
                .post("/disclosures/" + id + "/shares")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-CONS-4"));
        as(disclosure.url(), "manager", org, "mgr-1")
                .get("/disclosures/" + id)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("JUSTIFIED"))
                .body("shares.size()", is(0));
    }

    @Test
    @Order(3)
    @DisplayName(
            "fail closed: consent-service stopped, the concern is assessed as not consented and the case records it")
    void consentServiceStopped() throws Exception {
        String org = "sys-disc-" + UUID.randomUUID();
        String client = client(org);
        consentToGp(org, client);
        consent.close();
        String id = raise(org, client);
        as(disclosure.url(), "practitioner", org, PRACTITIONER)
                .get("/disclosures/" + id)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("JUSTIFIED"))
                .body("consentChecked", is(false))
                .body("assessment.recipients[0].consentChecked", is(false))
                .body("assessment.recipients[0].categories[0].reason", equalTo("CONSENT_UNAVAILABLE"));
        as(disclosure.url(), "practitioner", org, PRACTITIONER)
                .body(SHARE)
                .post("/disclosures/" + id + "/shares")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-PROC-2"));
    }
}
