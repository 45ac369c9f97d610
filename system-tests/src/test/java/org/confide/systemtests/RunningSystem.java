package org.confide.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.confide.testing.KafkaBroker;
import org.confide.testing.TestDatabase;
import org.confide.testing.Tokens;

/**
 * The four built services started once per test JVM as separate processes, against fresh databases of this run
 * and the real broker in this JVM, and stopped when the JVM exits.
 */
final class RunningSystem {

    static final List<String> SERVICES = List.of("consent-service", "disclosure-service", "records-service", "audit-service");
    private static RunningSystem instance;

    final KafkaBroker broker;
    final Path publicKey;
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();

    private RunningSystem() throws Exception {
        broker = KafkaBroker.shared();
        publicKey = Files.createTempFile("confide-jwt", ".pem");
        Files.writeString(publicKey, Tokens.publicKeyPem());
        for (String service : SERVICES) {
            processes.put(service, ServiceProcess.start(service, config(service)));
        }
        for (ServiceProcess p : processes.values()) p.awaitReady();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    /** A request to one service of the running system as {@code role} of {@code org}, with a correlation id. */
    RequestSpecification at(String service, String role, String org, String sub, String correlationId) {
        return RestAssured.given().baseUri(url(service)).auth().oauth2(Tokens.token(role, org, sub))
                .header("X-Correlation-Id", correlationId).contentType(ContentType.JSON);
    }

    static synchronized RunningSystem get() throws Exception {
        if (instance == null) instance = new RunningSystem();
        return instance;
    }

    /** What each service is started with: its own fresh database, this JVM's broker, the test token key. */
    Map<String, String> config(String service) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", TestDatabase.fresh(database(service)));
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", publicKey.toString());
        config.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        if (service.equals("disclosure-service") && processes.containsKey("consent-service")) {
            // consent-service starts first, so its port is known: disclosure asks it, as in production.
            config.put("confide.disclosure.consent.url", processes.get("consent-service").url());
        }
        if (service.equals("records-service")) {
            // records-service refuses to start in prod without its master key (a fresh random one per run).
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            config.put("confide.records.master-key", java.util.Base64.getEncoder().encodeToString(key));
            // R-REC-3: the per-client keys live in a key vault database of their own.
            config.put("quarkus.datasource.\"keys\".jdbc.url", TestDatabase.fresh("confide_records_keys_systest"));
        }
        if (service.equals("consent-service") || service.equals("disclosure-service")) {
            // R-REC-3: their free text about clients is sealed with per-client keys too, in a key vault of their own.
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            config.put("confide.crypto.master-key", java.util.Base64.getEncoder().encodeToString(key));
            config.put("quarkus.datasource.\"keys\".jdbc.url",
                    TestDatabase.fresh("confide_" + service.replace("-service", "") + "_keys_systest"));
        }
        return config;
    }

    static String database(String service) {
        return "confide_" + service.replace("-service", "") + "_systest";
    }

    String url(String service) {
        return processes.get(service).url();
    }

    long pid(String service) {
        return processes.get(service).pid();
    }

    private void stop() {
        for (ServiceProcess p : processes.values()) {
            try {
                p.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
