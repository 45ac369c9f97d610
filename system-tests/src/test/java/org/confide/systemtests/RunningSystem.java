package org.confide.systemtests;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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

    static final List<String> SERVICES =
            List.of("consent-service", "disclosure-service", "records-service", "audit-service");
    private static RunningSystem instance;

    final KafkaBroker broker;
    final Path publicKey;
    /** audit-service's checkpoint signing key, made by deploy/audit-signing-key.sh (a production start never makes one). */
    final Path auditSigningKey;
    /** A real SMTP server (GreenMail) that records-service sends its mails to; the tests read what arrived. */
    final GreenMail mail;

    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> configs = new HashMap<>();

    /** The PostgreSQL server (JDBC URL without a database) the services' databases are made on. */
    final String dbServer;

    private final String tag;

    private RunningSystem() throws Exception {
        this(KafkaBroker.shared(), TestDatabase.server(), "systest");
    }

    /**
     * A further stack of the four services on {@code broker} and the PostgreSQL server {@code dbServer}, its databases
     * named with {@code tag}: a fault test's own, which it may cut off without disturbing the shared one. The caller
     * stops it ({@link #stop()}).
     */
    RunningSystem(KafkaBroker broker, String dbServer, String tag) throws Exception {
        this.broker = broker;
        this.dbServer = dbServer;
        this.tag = tag;
        publicKey = Files.createTempFile("confide-jwt", ".pem");
        Files.writeString(publicKey, Tokens.publicKeyPem());
        auditSigningKey = newAuditSigningKey();
        mail = new GreenMail(new ServerSetup(ServiceProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        for (String service : SERVICES) {
            Map<String, String> config = config(service, tag);
            configs.put(service, config);
            if (service.equals("audit-service")) migrateAudit(config);
            processes.put(service, ServiceProcess.start(service, config));
        }
        for (ServiceProcess p : processes.values()) p.awaitReady(java.time.Duration.ofMinutes(5));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    /** {@code kill -9} of the running instance of {@code service}. */
    void kill(String service) throws InterruptedException {
        processes.get(service).kill();
    }

    /** {@code service} started again, same settings and port (a killed instance's replacement); not awaited. */
    ServiceProcess restart(String service) throws Exception {
        ServiceProcess p = ServiceProcess.restart(processes.get(service), configs.get(service));
        processes.put(service, p);
        return p;
    }

    ServiceProcess process(String service) {
        return processes.get(service);
    }

    /**
     * audit-service's migrate step, as production runs it: the same jar with CONFIDE_AUDIT_MIGRATE_ONLY=true and the
     * owner's credentials (CONFIDE_DB_USER/PASSWORD) migrates and exits; the service is then started without them.
     */
    static void migrateAudit(Map<String, String> config) throws Exception {
        Map<String, String> step = new HashMap<>(config);
        step.remove("confide.audit.signing-key");
        ServiceProcess migrate = ServiceProcess.start(
                "audit-service",
                step,
                Map.of(
                        "CONFIDE_AUDIT_MIGRATE_ONLY",
                        "true",
                        "CONFIDE_DB_USER",
                        TestDatabase.user(),
                        "CONFIDE_DB_PASSWORD",
                        TestDatabase.password()));
        int status = migrate.awaitExit(java.time.Duration.ofMinutes(5)); // minutes on two busy cores
        if (status != 0)
            throw new IllegalStateException(
                    "audit-service's migrate step exited with " + status + ":\n" + migrate.tail());
    }

    /** A new checkpoint signing key from deploy/audit-signing-key.sh, in a file readable by its owner only. */
    static Path newAuditSigningKey() throws Exception {
        Path root = Path.of(System.getProperty("confide.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path file = Files.createTempDirectory("confide-audit-key").resolve("audit-signing.key");
        Files.createFile(
                file,
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Process p = new ProcessBuilder(
                        root.resolve("deploy/audit-signing-key.sh").toString())
                .redirectOutput(file.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (p.waitFor() != 0) throw new IllegalStateException("deploy/audit-signing-key.sh failed");
        return file;
    }

    /** A request to one service of the running system as {@code role} of {@code org}, with a correlation id. */
    RequestSpecification at(String service, String role, String org, String sub, String correlationId) {
        return RestAssured.given()
                .baseUri(url(service))
                .auth()
                .oauth2(Tokens.token(role, org, sub))
                .header("X-Correlation-Id", correlationId)
                .contentType(ContentType.JSON);
    }

    static synchronized RunningSystem get() throws Exception {
        if (instance == null) instance = new RunningSystem();
        return instance;
    }

    /** What each service is started with: its own fresh database, this JVM's broker, the test token key. */
    Map<String, String> config(String service) {
        return config(service, tag);
    }

    /**
     * The settings of a further instance of {@code service} beside the running one: fresh databases (its own and its
     * key vault's) named with {@code tag} instead of {@code systest}, and every key a production start requires.
     */
    Map<String, String> config(String service, String tag) {
        return config(service, tag, dbServer);
    }

    /** As {@link #config(String, String)}, with the databases made on the PostgreSQL server {@code dbServer}. */
    Map<String, String> config(String service, String tag, String dbServer) {
        Map<String, String> config = new HashMap<>();
        config.put(
                "quarkus.datasource.jdbc.url",
                TestDatabase.fresh(dbServer, database(service).replace("_systest", "_" + tag)));
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", publicKey.toString());
        config.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        // Every status this instance answers, per operation, for OpenApiContractSystemTest; a fault test's instances
        // (tag fault...) answer 503 while their database is cut off, which docs/api.md declares for all operations.
        config.put(
                "confide.platform.openapi.observe-file",
                (tag.startsWith("fault")
                                ? OpenApiContractSystemTest.observations().resolveSibling("fault-statuses")
                                : OpenApiContractSystemTest.observations())
                        .resolve(service + "-" + tag + ".txt")
                        .toString());
        if (!service.equals("audit-service")) {
            // The services with Idempotency-Key routes refuse to start in prod without the key of its request hashes.
            byte[] secret = new byte[32];
            new java.security.SecureRandom().nextBytes(secret);
            config.put(
                    "confide.idempotency.secret", java.util.Base64.getEncoder().encodeToString(secret));
        }
        if (service.equals("disclosure-service") && processes.containsKey("consent-service")) {
            // consent-service starts first, so its port is known: disclosure asks it, as in production.
            config.put(
                    "confide.disclosure.consent.url",
                    processes.get("consent-service").url());
        }
        if (service.equals("audit-service")) {
            config.put("confide.audit.signing-key", auditSigningKey.toString());
        }
        if (service.equals("records-service")) {
            // records-service refuses to start in prod without its master key (a fresh random one per run).
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            config.put(
                    "confide.records.master-key", java.util.Base64.getEncoder().encodeToString(key));
            // R-REC-3: the per-client keys live in a key vault database of their own.
            config.put(
                    "quarkus.datasource.\"keys\".jdbc.url",
                    TestDatabase.fresh(dbServer, "confide_records_keys_" + tag));
            // Written notices (R-REF-1): mails to the test's SMTP server, webhooks to receivers on 127.0.0.1, and a
            // worker quick enough that an outage of a few seconds is seen through.
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", Integer.toString(mail.getSmtp().getPort()));
            config.put("confide.records.notices.allow-loopback-http", "true");
            config.put("confide.records.notices.every", "1s");
            config.put("confide.records.notices.initial-backoff", "PT1S");
            config.put("confide.records.notices.max-backoff", "PT2S");
        }
        if (service.equals("consent-service") || service.equals("disclosure-service")) {
            // R-REC-3: their free text about clients is sealed with per-client keys too, in a key vault of their own.
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            config.put(
                    "confide.crypto.master-key", java.util.Base64.getEncoder().encodeToString(key));
            config.put(
                    "quarkus.datasource.\"keys\".jdbc.url",
                    TestDatabase.fresh(dbServer, "confide_" + service.replace("-service", "") + "_keys_" + tag));
        }
        return config;
    }

    /** A copy of the settings the running instance of {@code service} was started with (its database included). */
    Map<String, String> startedWith(String service) {
        return new HashMap<>(configs.get(service));
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

    void stop() {
        mail.stop();
        for (ServiceProcess p : processes.values()) {
            try {
                p.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
