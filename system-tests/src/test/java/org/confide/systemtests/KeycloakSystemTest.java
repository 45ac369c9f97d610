package org.confide.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Issue 23: a real Keycloak issues the tokens. Keycloak (dev mode, deploy/keycloak/realm.json) and a records-, consent-
 * and audit-service of their own that trust only its JWKS URL, its issuer and the audience {@code confide}, as
 * `./confide up --idp keycloak` starts them. Tokens come by the password grant (each role's demo user) and by client
 * credentials (a partner organisation's client); a slice of the README's worked example runs with them. Then the
 * issuer's key is rotated, a token without {@code org} and one of another realm are refused, and the console signs in
 * through Keycloak in Chromium (authorization code + PKCE) and shows the compliance view.
 * Runs with `./confide test --with keycloak` (which fetches and builds Keycloak: CONFIDE_KEYCLOAK_DIST); skipped otherwise.
 */
@EnabledIfEnvironmentVariable(named = "CONFIDE_KEYCLOAK_DIST", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakSystemTest {

    private static final Path ROOT =
            Path.of(System.getProperty("confide.root", "..")).toAbsolutePath().normalize();
    private static final String ORG = "demo-org";
    private static RunningSystem system;
    private static KeycloakProcess keycloak;
    private static int consolePort;
    private static final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** Tokens by demo user, fetched once by the password grant. */
    private static final Map<String, String> tokens = new HashMap<>();

    private static String clientId;
    private static String tokenBeforeRotation;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.get();
        try (ServerSocket s = new ServerSocket(0)) {
            consolePort = s.getLocalPort();
        }
        keycloak = KeycloakProcess.start(Path.of(System.getenv("CONFIDE_KEYCLOAK_DIST")), consolePort);
        // The services start while Keycloak does: they fetch its keys only when the first token arrives.
        for (String service : List.of("records-service", "consent-service", "audit-service")) {
            Map<String, String> c = system.config(service, "kcsystest");
            c.put("confide.platform.service-name", service + "-kc");
            c.put("mp.jwt.verify.publickey.location", keycloak.jwks());
            c.put("mp.jwt.verify.issuer", keycloak.issuer());
            c.put("mp.jwt.verify.audiences", KeycloakProcess.AUDIENCE);
            if (service.equals("audit-service")) {
                c.put("confide.audit.consumer-group", "audit-service-kc");
                RunningSystem.migrateAudit(c);
            }
            services.put(service, ServiceProcess.start(service, c));
        }
        for (ServiceProcess p : services.values()) p.awaitReady();
        keycloak.awaitReady();
        for (String user : List.of("alice", "pete", "carol", "sam", "adam", "olga")) {
            tokens.put(user, keycloak.passwordToken(user, KeycloakProcess.DEMO_PASSWORD));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess p : services.values()) p.close();
        if (keycloak != null) keycloak.close();
    }

    private static RequestSpecification as(String service, String token) {
        return given().baseUri(services.get(service).url()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static Map<String, Object> claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getMap("");
    }

    @Test
    @Order(1)
    @DisplayName(
            "R-REC-5 and docs/domain.md Roles with Keycloak's tokens: each demo user acts as the realm role it holds, for its org")
    void rolesFromTheRealm() {
        // Keycloak sends the roles as realm roles (realm_access.roles), the org from the user's attribute, aud confide.
        Map<String, Object> alice = claims(tokens.get("alice"));
        assertEquals(ORG, alice.get("org"));
        assertFalse(alice.containsKey("groups"), "the realm sends realm_access.roles, not groups");
        as("records-service", tokens.get("alice"))
                .get("/session")
                .then()
                .statusCode(200)
                .body("role", equalTo("manager"))
                .body("org", equalTo(ORG))
                .body("roles", equalTo(List.of("manager")));

        // The worked example: a manager registers a client; without the explanation it is refused naming R-REC-5.
        clientId = as("records-service", tokens.get("alice"))
                .body(
                        "{\"identity\":{\"fullName\":\"Alex Example\",\"dateOfBirth\":\"1990-04-01\"},\"programme\":\"COUNSELLING\",\"limitsExplained\":true}")
                .post("/clients")
                .then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .extract()
                .path("id");
        as("records-service", tokens.get("alice"))
                .body(
                        "{\"identity\":{\"fullName\":\"Alex Example\"},\"programme\":\"COUNSELLING\",\"limitsExplained\":false}")
                .post("/clients")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-REC-5"));
        // A practitioner registers one too; compliance and supervisor may not (403), a manager of another org sees
        // nothing (404).
        as("records-service", tokens.get("pete"))
                .body(
                        "{\"identity\":{\"fullName\":\"Sam Example\"},\"programme\":\"ONE_TO_ONE\",\"limitsExplained\":true}")
                .post("/clients")
                .then()
                .statusCode(201);
        for (String user : List.of("carol", "sam")) {
            as("records-service", tokens.get(user))
                    .body("{\"identity\":{\"fullName\":\"X\"},\"programme\":\"ONE_TO_ONE\",\"limitsExplained\":true}")
                    .post("/clients")
                    .then()
                    .statusCode(403)
                    .contentType(startsWith("application/problem+json"));
        }
        as("records-service", tokens.get("alice"))
                .get("/clients/" + clientId)
                .then()
                .statusCode(200);
        as("records-service", tokens.get("olga"))
                .get("/clients/" + clientId)
                .then()
                .statusCode(404);

        // R-CONS-1: the manager records the client's consent, and a share it covers is permitted.
        String consentsClient = clientId;
        eventually(
                "the client reaches consent-service",
                () -> as("consent-service", tokens.get("alice"))
                                .get("/consents?clientId=" + consentsClient)
                                .statusCode()
                        == 200);
        as("consent-service", tokens.get("alice"))
                .body("{\"clientId\":\"" + clientId
                        + "\",\"recipient\":{\"type\":\"GP\"},\"categories\":[\"CASE_NOTES\"],"
                        + "\"purpose\":\"CONTINUING_CARE\",\"method\":\"WRITTEN_SIGNED\",\"explained\":true}")
                .post("/consents")
                .then()
                .statusCode(201);
        as("consent-service", tokens.get("alice"))
                .body("{\"clientId\":\"" + clientId
                        + "\",\"recipientType\":\"GP\",\"category\":\"CASE_NOTES\",\"purpose\":\"CONTINUING_CARE\"}")
                .post("/consent-decisions")
                .then()
                .statusCode(200)
                .body("decision", equalTo("PERMIT"));
        as("consent-service", tokens.get("carol"))
                .get("/consents?clientId=" + clientId)
                .then()
                .statusCode(403);

        // Compliance reads the audit log (the registration reached it through Kafka) and the chain verifies; a manager
        // may not.
        eventually(
                "client.registered in the audit log",
                () -> as("audit-service", tokens.get("carol"))
                        .get("/audit/entries?clientId=" + consentsClient)
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items.type")
                        .contains("client.registered"));
        as("audit-service", tokens.get("carol"))
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
        as("audit-service", tokens.get("alice")).get("/audit/verify").then().statusCode(403);
    }

    @Test
    @Order(2)
    @DisplayName(
            "R-REC-2: a client signs in as a Keycloak user whose clientId attribute is their client id, and reads their own file")
    void clientRole() {
        String realm = "/" + KeycloakProcess.REALM;
        String userId = KeycloakProcess.createdId(keycloak.admin()
                .body(Map.of(
                        "username",
                        "alex",
                        "enabled",
                        true,
                        "email",
                        "alex@demo-org.example",
                        "emailVerified",
                        true,
                        "firstName",
                        "Alex",
                        "lastName",
                        "Example",
                        "attributes",
                        Map.of("org", List.of(ORG), "clientId", List.of(clientId)),
                        "credentials",
                        List.of(Map.of("type", "password", "value", "alex-pw-1", "temporary", false))))
                .post(realm + "/users"));
        Map<String, Object> role = keycloak.admin()
                .get(realm + "/roles/client")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        keycloak.admin()
                .body(List.of(role))
                .post(realm + "/users/" + userId + "/role-mappings/realm")
                .then()
                .statusCode(204);

        String token = keycloak.passwordToken("alex", "alex-pw-1");
        assertEquals(clientId, claims(token).get("sub"), "the realm maps clientId to sub");
        as("records-service", token).get("/me/file").then().statusCode(200).body("client.id", equalTo(clientId));
        as("records-service", token).get("/clients/" + clientId).then().statusCode(403);
    }

    @Test
    @Order(3)
    @DisplayName(
            "R-REF-1: a partner's client-credentials token refers a client to an organisation that accepts it; another partner is refused")
    void partnerByClientCredentials() {
        as("records-service", tokens.get("adam"))
                .body("{\"partnerOrgs\":[\"partner-x\"]}")
                .put("/settings/partners")
                .then()
                .statusCode(200)
                .body("partnerOrgs", equalTo(List.of("partner-x")));
        String partnerX = keycloak.clientToken(KeycloakProcess.REALM, "partner-x", "partner-x-secret");
        as("records-service", partnerX)
                .get("/session")
                .then()
                .statusCode(200)
                .body("role", equalTo("partner"))
                .body("org", equalTo("partner-x"));
        String referral = "{\"providerOrg\":\"" + ORG
                + "\",\"identity\":{\"fullName\":\"Kit Moss\"},\"programme\":\"COACHING\",\"reason\":\"referred\"}";
        String id = as("records-service", partnerX)
                .body(referral)
                .post("/referrals")
                .then()
                .statusCode(201)
                .body("status", equalTo("RECEIVED"))
                .extract()
                .path("id");
        as("records-service", partnerX).get("/referrals/" + id).then().statusCode(200);
        as("records-service", partnerX).get("/clients/" + clientId).then().statusCode(403);

        String partnerY = keycloak.clientToken(KeycloakProcess.REALM, "partner-y", "partner-y-secret");
        as("records-service", partnerY)
                .body(referral)
                .post("/referrals")
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REF-1"));
        as("records-service", partnerY).get("/referrals/" + id).then().statusCode(404);
    }

    @Test
    @Order(4)
    @DisplayName(
            "Key rotation: a second key in Keycloak's JWKS and the first removed; tokens of the new key are accepted without a restart, the old key's are not")
    void keyRotation() {
        tokenBeforeRotation = tokens.get("alice");
        String realm = "/" + KeycloakProcess.REALM;
        String realmId =
                keycloak.admin().get(realm).then().statusCode(200).extract().path("id");
        List<Map<String, Object>> old = keycloak.admin()
                .get(realm + "/components?type=org.keycloak.keys.KeyProvider&name=rsa-generated")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertEquals(1, old.size(), "the realm's generated RSA signing key");
        keycloak.admin()
                .body(Map.of(
                        "name",
                        "rsa-rotated",
                        "providerId",
                        "rsa-generated",
                        "providerType",
                        "org.keycloak.keys.KeyProvider",
                        "parentId",
                        realmId,
                        "config",
                        Map.of(
                                "priority",
                                List.of("200"),
                                "keySize",
                                List.of("2048"),
                                "algorithm",
                                List.of("RS256"),
                                "active",
                                List.of("true"),
                                "enabled",
                                List.of("true"))))
                .post(realm + "/components")
                .then()
                .statusCode(201);
        keycloak.admin()
                .delete(realm + "/components/" + old.get(0).get("id"))
                .then()
                .statusCode(204);

        String oldKid = kid(tokenBeforeRotation);
        String fresh = keycloak.passwordToken("carol", KeycloakProcess.DEMO_PASSWORD);
        assertNotEquals(oldKid, kid(fresh), "Keycloak signs with the new key");
        given().get(keycloak.jwks())
                .then()
                .body("keys.kid", hasItem(kid(fresh)))
                .body("keys.kid", not(hasItem(oldKid)));
        for (ServiceProcess s : services.values()) {
            given().baseUri(s.url())
                    .auth()
                    .oauth2(fresh)
                    .get("/session")
                    .then()
                    .statusCode(200)
                    .body("role", equalTo("compliance"));
        }
        // The services refetched the JWKS for the new key: the removed key's tokens no longer verify.
        as("records-service", tokenBeforeRotation).get("/session").then().statusCode(401);
        for (String user : List.of("alice", "pete", "carol", "sam", "adam", "olga")) {
            tokens.put(user, keycloak.passwordToken(user, KeycloakProcess.DEMO_PASSWORD));
        }
        as("records-service", tokens.get("alice"))
                .get("/clients/" + clientId)
                .then()
                .statusCode(200);
    }

    @Test
    @Order(5)
    @DisplayName(
            "docs/domain.md Roles: a token of this realm without org (a client with no org mapper) is 401 naming the org claim")
    void tokenWithoutOrg() {
        String realm = "/" + KeycloakProcess.REALM;
        String id = KeycloakProcess.createdId(keycloak.admin()
                .body(Map.of(
                        "clientId",
                        "no-org-partner",
                        "publicClient",
                        false,
                        "secret",
                        "no-org-secret",
                        "serviceAccountsEnabled",
                        true,
                        "standardFlowEnabled",
                        false,
                        "protocolMappers",
                        List.of(Map.of(
                                "name",
                                "aud",
                                "protocol",
                                "openid-connect",
                                "protocolMapper",
                                "oidc-audience-mapper",
                                "config",
                                Map.of(
                                        "included.custom.audience",
                                        KeycloakProcess.AUDIENCE,
                                        "access.token.claim",
                                        "true")))))
                .post(realm + "/clients"));
        String serviceAccount = keycloak.admin()
                .get(realm + "/clients/" + id + "/service-account-user")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        Map<String, Object> partner = keycloak.admin()
                .get(realm + "/roles/partner")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        keycloak.admin()
                .body(List.of(partner))
                .post(realm + "/users/" + serviceAccount + "/role-mappings/realm")
                .then()
                .statusCode(204);

        String token = keycloak.clientToken(KeycloakProcess.REALM, "no-org-partner", "no-org-secret");
        assertFalse(claims(token).containsKey("org"));
        for (ServiceProcess s : services.values()) {
            given().baseUri(s.url())
                    .auth()
                    .oauth2(token)
                    .get("/session")
                    .then()
                    .statusCode(401)
                    .contentType(startsWith("application/problem+json"))
                    .body("detail", containsString("no org claim"));
        }
    }

    @Test
    @Order(6)
    @DisplayName(
            "A token of another realm of the same Keycloak (its own issuer and keys), with the right shape, org, role and audience, is 401")
    void anotherRealm() {
        keycloak.admin()
                .body(Map.of(
                        "realm",
                        "elsewhere",
                        "enabled",
                        true,
                        "roles",
                        Map.of("realm", List.of(Map.of("name", "manager"))),
                        "clients",
                        List.of(Map.of(
                                "clientId",
                                "svc",
                                "publicClient",
                                false,
                                "secret",
                                "svc-secret",
                                "serviceAccountsEnabled",
                                true,
                                "standardFlowEnabled",
                                false,
                                "protocolMappers",
                                List.of(
                                        Map.of(
                                                "name",
                                                "aud",
                                                "protocol",
                                                "openid-connect",
                                                "protocolMapper",
                                                "oidc-audience-mapper",
                                                "config",
                                                Map.of(
                                                        "included.custom.audience",
                                                        KeycloakProcess.AUDIENCE,
                                                        "access.token.claim",
                                                        "true")),
                                        Map.of(
                                                "name",
                                                "org",
                                                "protocol",
                                                "openid-connect",
                                                "protocolMapper",
                                                "oidc-hardcoded-claim-mapper",
                                                "config",
                                                Map.of(
                                                        "claim.name",
                                                        "org",
                                                        "claim.value",
                                                        ORG,
                                                        "jsonType.label",
                                                        "String",
                                                        "access.token.claim",
                                                        "true"))))),
                        "users",
                        List.of(Map.of(
                                "username",
                                "service-account-svc",
                                "enabled",
                                true,
                                "serviceAccountClientId",
                                "svc",
                                "realmRoles",
                                List.of("manager")))))
                .post("")
                .then()
                .statusCode(201);
        String foreign = keycloak.clientToken("elsewhere", "svc", "svc-secret");
        Map<String, Object> c = claims(foreign);
        assertEquals(ORG, c.get("org"));
        for (ServiceProcess s : services.values()) {
            given().baseUri(s.url())
                    .auth()
                    .oauth2(foreign)
                    .get("/session")
                    .then()
                    .statusCode(401)
                    .contentType(startsWith("application/problem+json"));
        }
        as("records-service", foreign).get("/clients/" + clientId).then().statusCode(401);
    }

    @Test
    @Order(7)
    @DisplayName(
            "The console signs in through Keycloak in Chromium (authorization code + PKCE) and shows the compliance view")
    void consoleSignsInThroughKeycloak() throws Exception {
        Path console = ROOT.resolve("console");
        Path logs = ROOT.resolve("system-tests/target");
        ConsoleBrowserSystemTest.run(
                List.of(console.resolve("prepare.sh").toString(), "--browser"),
                Map.of(),
                logs.resolve("console-prepare-kc.log"),
                Duration.ofMinutes(10),
                "console/prepare.sh --browser");
        String auditKey = ConsoleBrowserSystemTest.output(
                List.of("node", console.resolve("server/audit-key.mjs").toString(), system.auditSigningKey.toString()));
        // A production start of the console server: no dev sign-in, the OIDC issuer and public client of the realm.
        ProcessBuilder server = new ProcessBuilder(
                        "node", console.resolve("server/server.mjs").toString())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("console-server-kc.log").toFile());
        Map<String, String> env = server.environment();
        env.put("CONFIDE_CONSOLE_PORT", String.valueOf(consolePort));
        env.put("CONFIDE_CONSENT_URL", services.get("consent-service").url());
        // The compliance view calls no disclosure-service: the shared one (which trusts the test key) fills the
        // setting.
        env.put("CONFIDE_DISCLOSURE_URL", system.url("disclosure-service"));
        env.put("CONFIDE_RECORDS_URL", services.get("records-service").url());
        env.put("CONFIDE_AUDIT_URL", services.get("audit-service").url());
        env.put("CONFIDE_OIDC_ISSUER", keycloak.issuer());
        env.put("CONFIDE_OIDC_CLIENT_ID", "confide-console");
        env.put("CONFIDE_AUDIT_PUBLIC_KEY", auditKey);
        env.remove("CONFIDE_CONSOLE_DEV_LOGIN");
        Process p = server.start();
        String url = "http://127.0.0.1:" + consolePort;
        try {
            ConsoleBrowserSystemTest.awaitHealthy(url, p, logs.resolve("console-server-kc.log"));
            Map<String, String> e2e = new HashMap<>(Map.of(
                    "CONFIDE_CONSOLE_URL",
                    url,
                    "CONFIDE_OIDC_USER",
                    "carol",
                    "CONFIDE_OIDC_PASSWORD",
                    KeycloakProcess.DEMO_PASSWORD,
                    "CONFIDE_E2E_CLIENT_ID",
                    clientId,
                    "CONFIDE_OIDC_ISSUER",
                    keycloak.issuer()));
            for (String pass : List.of("CONFIDE_CONSOLE_SCREENSHOTS", "CONFIDE_CHROMIUM")) {
                String v = System.getenv(pass);
                if (v != null) e2e.put(pass, v);
            }
            ConsoleBrowserSystemTest.run(
                    List.of("node", "--test", "--test-reporter=spec", "e2e-oidc/"),
                    e2e,
                    logs.resolve("console-e2e-kc.log"),
                    Duration.ofMinutes(5),
                    "the console's sign-in through Keycloak (console/e2e-oidc)");
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    private static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return JsonPath.from(header).getString("kid");
    }

    private static void eventually(String what, java.util.function.BooleanSupplier check) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (check.getAsBoolean()) return;
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(what, e);
            }
        }
        throw new AssertionError(what + ": not reached within 60 s");
    }
}
