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
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
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
        given().auth()
                .oauth2(Tokens.token("compliance", "org-s", "auditor-7"))
                .when()
                .get("/session")
                .then()
                .statusCode(200)
                .body("subject", equalTo("auditor-7"))
                .body("org", equalTo("org-s"))
                .body("role", equalTo("compliance"));
        given().when().get("/session").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.forged("compliance", "org-s", "auditor-7"))
                .when()
                .get("/session")
                .then()
                .statusCode(401);
    }

    @Test
    @DisplayName(
            "docs/domain.md Roles: a token accepted once (and so cached) is accepted again; the same token with another signature is 401")
    void cachedToken() {
        String token = Tokens.token("compliance", "org-s", "auditor-9");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).when().get("/session").then().statusCode(200);
        }
        int at = token.lastIndexOf('.') + 10;
        String changed = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        given().auth()
                .oauth2(changed)
                .when()
                .get("/session")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.expired("compliance", "org-s", "auditor-9"))
                .when()
                .get("/session")
                .then()
                .statusCode(401);
    }

    @Test
    @DisplayName(
            "docs/domain.md Roles: a role among an issuer's realm roles (realm_access.roles) counts as one in groups; other names are dropped")
    void realmRoles() {
        given().auth()
                .oauth2(Tokens.keycloakStyle("compliance", "org-s", "auditor-8"))
                .when()
                .get("/session")
                .then()
                .statusCode(200)
                .body("role", equalTo("compliance"))
                .body("roles", equalTo(java.util.List.of("compliance")));
        given().auth()
                .oauth2(Tokens.keycloakStyle("offline_access", "org-s", "auditor-8"))
                .when()
                .get("/session")
                .then()
                .statusCode(403);
    }

    @Test
    @DisplayName("docs/domain.md Roles: a verified token without org is 401 problem+json naming the org claim")
    void tokenWithoutOrg() {
        given().auth()
                .oauth2(Tokens.withoutOrg("manager", "m-9"))
                .when()
                .get("/session")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("detail", containsString("no org claim"));
    }

    @Test
    @DisplayName("an unknown path is a problem+json 404, not an HTML page")
    void unknownPath() {
        given().when()
                .get("/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
