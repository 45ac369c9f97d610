package org.confide.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.confide.auditlog.checkpoint.Ed25519Keys;
import org.confide.auditlog.witness.Witness;
import org.confide.testing.ConfideTestResource;
import org.confide.testing.TestDatabase;

/**
 * The shared test resource, with audit-service's two roles as in production: the test's database owner migrates (the
 * {@code owner} datasource) and the service itself runs with the runtime role of its application.properties. Also a
 * real witness (./confide witness, in this JVM) that the service sends its checkpoints to: it witnesses the logs whose
 * keys a test writes to the file named by the system property {@code confide.test.witness.logs}.
 */
public class AuditTestResource extends ConfideTestResource {

    private Witness witness;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(super.start());
        // The default datasource keeps application.properties' runtime role (confide_audit_app): no owner override.
        config.remove("quarkus.datasource.username");
        config.remove("quarkus.datasource.password");
        config.put("quarkus.datasource.\"owner\".username", TestDatabase.user());
        config.put("quarkus.datasource.\"owner\".password", TestDatabase.password());
        try {
            Path dir = Files.createTempDirectory("confide-audit-witness");
            Path logs = Files.writeString(dir.resolve("logs.txt"), "");
            witness = Witness.start(
                    "witness.test/w1",
                    Ed25519Keys.fromSeed(Ed25519Keys.newSeed()),
                    dir.resolve("state.json"),
                    List.of(),
                    logs,
                    new InetSocketAddress("127.0.0.1", 0),
                    System.err);
            String url = "http://127.0.0.1:" + witness.port();
            System.setProperty("confide.test.witness.logs", logs.toString());
            System.setProperty("confide.test.witness.url", url);
            System.setProperty("confide.test.witness.key", witness.verifierKey());
            config.put("confide.audit.witnesses", url + " " + witness.verifierKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    @Override
    public void stop() {
        if (witness != null) witness.stop();
        super.stop();
    }
}
