package org.confide.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md "Input and errors": with CONFIDE_JWT_AUDIENCE set, a token must name it in {@code aud}. A consent-service
 * of its own is started with the setting (the shared system runs without it, as `./confide up` does by default).
 */
class TokenAudienceSystemTest {

    private static final String AUDIENCE = "confide-api-" + UUID.randomUUID();
    private static ServiceProcess consent;

    @BeforeAll
    static void start() throws Exception {
        RunningSystem system = RunningSystem.get();
        Map<String, String> c = system.config("consent-service", "audsystest");
        c.put("confide.platform.service-name", "consent-service-audsys");
        c.put("CONFIDE_JWT_AUDIENCE", AUDIENCE);
        consent = ServiceProcess.start("consent-service", c);
        consent.awaitReady();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (consent != null) consent.close();
    }

    @Test
    @DisplayName(
            "CONFIDE_JWT_AUDIENCE set: a token without aud, or with another aud, is 401 problem+json; with it, it is let in")
    void audienceIsChecked() {
        String org = "aud-" + UUID.randomUUID();
        given().baseUri(consent.url())
                .auth()
                .oauth2(Tokens.token("manager", org, "m1"))
                .get("/consents?clientId=c1")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
        given().baseUri(consent.url())
                .auth()
                .oauth2(Tokens.withAudience("manager", org, "m1", "another-api"))
                .get("/consents?clientId=c1")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
        // Let in: the resource itself answers (no client c1 in this organisation), not the token check.
        given().baseUri(consent.url())
                .auth()
                .oauth2(Tokens.withAudience("manager", org, "m1", AUDIENCE))
                .get("/consents?clientId=c1")
                .then()
                .statusCode(404)
                .body("detail", containsString("not found"));
    }
}
