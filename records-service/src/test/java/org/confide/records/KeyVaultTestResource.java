package org.confide.records;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.confide.testing.TestDatabase;

/** The tests' own key vault database (R-REC-3), fresh per run, beside the records database. */
public class KeyVaultTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.\"keys\".jdbc.url",
                TestDatabase.fresh("confide_records_keys_test"),
                "quarkus.datasource.\"keys\".username",
                TestDatabase.user(),
                "quarkus.datasource.\"keys\".password",
                TestDatabase.password());
    }

    @Override
    public void stop() {}
}
