package org.confide.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every Confide service must do whatever its features: be ready only with its database and Kafka,
 * serve the operations endpoints, and answer unknown paths with problem+json.
 * A service's test extends it and adds {@code @QuarkusTest}.
 */
public abstract class ServiceBasics {

    @Test
    @DisplayName("ready only with its own database migrated and the Kafka broker reachable")
    void ready() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    @DisplayName("serves metrics, OpenAPI and Swagger UI under /q")
    void operations() {
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    @DisplayName("GET /session tells any signed-in role who it is; without a token it is 401")
    void session() {
        given().auth().oauth2(Tokens.token("compliance", "org-s", "auditor-7")).when().get("/session").then()
                .statusCode(200)
                .body("subject", equalTo("auditor-7"))
                .body("org", equalTo("org-s"))
                .body("role", equalTo("compliance"));
        given().when().get("/session").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forged("compliance", "org-s", "auditor-7")).when().get("/session").then()
                .statusCode(401);
    }

    @Test
    @DisplayName("an unknown path is a problem+json 404, not an HTML page")
    void unknownPath() {
        given().when().get("/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
