package org.confide.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker (in this JVM) and a fresh PostgreSQL database of its own.
 * Init arg {@code database}: the database name, e.g. {@code confide_records_test}.
 */
public class ConfideTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null) {
            throw new IllegalArgumentException("ConfideTestResource needs the init arg 'database'");
        }
    }

    @Override
    public Map<String, String> start() {
        KafkaBroker broker = KafkaBroker.shared();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", TestDatabase.fresh(database));
        config.put("quarkus.datasource.username", TestDatabase.user());
        config.put("quarkus.datasource.password", TestDatabase.password());
        return config;
    }

    @Override
    public void stop() {
        // The broker lives as long as the JVM: one broker per test JVM, shared by every test class.
    }
}
