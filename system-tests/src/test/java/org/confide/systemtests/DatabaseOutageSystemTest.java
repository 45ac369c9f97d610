package org.confide.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under a running records-service and started again: requests answer 503 problem+json with
 * Retry-After, readiness goes DOWN and liveness stays UP, and the service answers again without a restart
 * (docs/api.md "Every service also serves"). The database is a private server of this test's own.
 */
class DatabaseOutageSystemTest {

    private static PrivatePostgres pg;
    private static ServiceProcess records;
    private static final String ORG = "sys-pg-" + UUID.randomUUID();

    @BeforeAll
    static void start() throws Exception {
        pg = PrivatePostgres.start();
        Map<String, String> config = RunningSystem.get().config("records-service", "faultpg", pg.server());
        // A short wait for a pooled connection, so that a request during the outage is answered within seconds.
        config.put("quarkus.datasource.jdbc.acquisition-timeout", "2S");
        config.put("quarkus.datasource.\"keys\".jdbc.acquisition-timeout", "2S");
        records = ServiceProcess.start("records-service", config).awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        if (records != null) records.close();
        if (pg != null) pg.close();
    }

    private static Response register() {
        return given().baseUri(records.url())
                .auth()
                .oauth2(Tokens.token("practitioner", ORG, "prac-1"))
                .contentType(ContentType.JSON)
                .body("{\"identity\":{\"fullName\":\"Pat Outage\",\"email\":\"x@example.org\"},"
                        + "\"programme\":\"ONE_TO_ONE\",\"limitsExplained\":true}")
                .post("/clients");
    }

    @Test
    @DisplayName(
            "PostgreSQL down: 503 problem+json with Retry-After, readiness DOWN, liveness UP; back: 201 without a restart")
    void databaseOutage() throws Exception {
        String before = register().then().statusCode(201).extract().path("id");
        long pid = records.pid();
        pg.stopServer();
        try {
            for (Response r : new Response[] {
                register(),
                given().baseUri(records.url())
                        .auth()
                        .oauth2(Tokens.token("practitioner", ORG, "prac-1"))
                        .get("/clients/" + before)
            }) {
                r.then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "5")
                        .body("status", equalTo(503))
                        .body("detail", containsString("database"))
                        // Never a class name: neither the driver's nor the pool's.
                        .body(not(containsString("Exception")))
                        .body(not(containsString("org.")));
            }
            given().baseUri(records.url())
                    .get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("status", equalTo("DOWN"));
            given().baseUri(records.url())
                    .get("/q/health/live")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"));
        } finally {
            pg.startServer();
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (given().baseUri(records.url()).get("/q/health/ready").statusCode() != 200) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("records-service never ready again");
            Thread.sleep(500);
        }
        register().then().statusCode(201);
        assertEquals(pid, records.pid(), "the same process answers: no restart");
    }
}
