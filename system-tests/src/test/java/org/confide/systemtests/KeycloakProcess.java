package org.confide.systemtests;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real Keycloak in its dev mode (embedded dev database), as `./confide up --idp keycloak` runs it: a copy of the
 * distribution `./confide test --with keycloak` fetched and built (CONFIDE_KEYCLOAK_DIST), on a free port, with
 * deploy/keycloak/realm.json imported (the console's redirect URIs pointed at {@code consolePort}).
 */
final class KeycloakProcess implements AutoCloseable {

    static final String REALM = "confide";
    static final String AUDIENCE = "confide";
    static final String DEMO_PASSWORD = "confide-demo";
    private static final Path ROOT =
            Path.of(System.getProperty("confide.root", "..")).toAbsolutePath().normalize();

    private final int port;
    private final Path home;
    private final Process process;
    private final Path log;
    private final String adminPassword;

    private KeycloakProcess(int port, Path home, Process process, Path log, String adminPassword) {
        this.port = port;
        this.home = home;
        this.process = process;
        this.log = log;
        this.adminPassword = adminPassword;
    }

    static KeycloakProcess start(Path dist, int consolePort) throws IOException {
        int port = ServiceProcess.freePort();
        Path home = ROOT.resolve("system-tests/target/keycloak-" + port);
        copy(dist, home);
        Path imports = Files.createDirectories(home.resolve("data/import"));
        String realm = Files.readString(ROOT.resolve("deploy/keycloak/realm.json"))
                .replace("http://127.0.0.1:8080/", "http://127.0.0.1:" + consolePort + "/")
                .replace("http://localhost:8080/", "http://localhost:" + consolePort + "/");
        Files.writeString(imports.resolve("confide-realm.json"), realm);
        String adminPassword = UUID.randomUUID().toString();
        Path log = ROOT.resolve("system-tests/target/keycloak-" + port + ".log");
        ProcessBuilder b = new ProcessBuilder(
                        "bash",
                        home.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--http-host=127.0.0.1",
                        "--http-port=" + port,
                        "--hostname=http://127.0.0.1:" + port,
                        "--import-realm")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        b.environment().put("JAVA_HOME", java.getParent().getParent().toString());
        b.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        b.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        return new KeycloakProcess(port, home, b.start(), log, adminPassword);
    }

    /** Waits until the realm's discovery document answers (the realm imported). */
    KeycloakProcess awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("Keycloak exited during start-up:\n" + tail());
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return this;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after 10 minutes:\n" + tail());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    String issuer() {
        return issuer(REALM);
    }

    String issuer(String realm) {
        return base() + "/realms/" + realm;
    }

    String jwks() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** A user's access token by the password grant (public client confide-cli). */
    String passwordToken(String user, String password) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "confide-cli")
                .formParam("username", user)
                .formParam("password", password)
                .formParam("scope", "openid")
                .post(issuer() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** A confidential client's access token by the client-credentials grant, in {@code realm}. */
    String clientToken(String realm, String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(issuer(realm) + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** A request to the admin REST API as the bootstrap admin (master realm). */
    io.restassured.specification.RequestSpecification admin() {
        String token = given().formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", adminPassword)
                .post(issuer("master") + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        return given().baseUri(base() + "/admin/realms").auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** The id of the resource an admin POST created (its Location header's last segment). */
    static String createdId(Response r) {
        String location = r.then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws Exception {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        process.destroy();
        all.forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
            process.destroyForcibly().waitFor();
        for (ProcessHandle h : all) {
            h.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        delete(home);
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from.resolve(".ready"))) {
            throw new IllegalStateException(from + " is not a prepared Keycloak: run ./confide test --with keycloak");
        }
        delete(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
