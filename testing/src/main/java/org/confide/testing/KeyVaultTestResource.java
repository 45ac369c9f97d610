package org.confide.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A {@code @QuarkusTest}'s own key vault database (R-REC-3, datasource {@code keys}), fresh per run. Init arg
 * {@code database}: its name, e.g. {@code confide_consent_keys_test}.
 */
public class KeyVaultTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null) {
            throw new IllegalArgumentException("KeyVaultTestResource needs the init arg 'database'");
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.\"keys\".jdbc.url",
                TestDatabase.fresh(database),
                "quarkus.datasource.\"keys\".username",
                TestDatabase.user(),
                "quarkus.datasource.\"keys\".password",
                TestDatabase.password());
    }

    @Override
    public void stop() {}
}
