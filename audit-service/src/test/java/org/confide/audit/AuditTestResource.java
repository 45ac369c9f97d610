package org.confide.audit;

import java.util.Map;
import org.confide.testing.ConfideTestResource;
import org.confide.testing.TestDatabase;

/**
 * The shared test resource, with audit-service's two roles as in production: the test's database owner migrates (the
 * {@code owner} datasource) and the service itself runs with the runtime role of its application.properties.
 */
public class AuditTestResource extends ConfideTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(super.start());
        // The default datasource keeps application.properties' runtime role (confide_audit_app): no owner override.
        config.remove("quarkus.datasource.username");
        config.remove("quarkus.datasource.password");
        config.put("quarkus.datasource.\"owner\".username", TestDatabase.user());
        config.put("quarkus.datasource.\"owner\".password", TestDatabase.password());
        return config;
    }
}
