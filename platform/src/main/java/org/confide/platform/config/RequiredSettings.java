package org.confide.platform.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Stops a production start before anything connects when a required setting is missing, naming every missing
 * environment variable at once (a localhost default would otherwise start a service against the wrong database).
 */
@ApplicationScoped
public class RequiredSettings {

    /** Runs before the database bootstrap and every consumer. */
    public static final int PRIORITY = 1;

    @Inject
    PlatformConfig config;

    void check(@Observes @Priority(PRIORITY) StartupEvent event) {
        List<String> missing = missing(
                config.db().migrateOnly() ? databaseOnly(config.required()) : config.required(),
                System.getenv(),
                System.getProperties());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("missing required settings: " + String.join(", ", missing)
                    + " (set them in the environment; see the README's Settings table)");
        }
    }

    /** The migrate step connects to its database and nothing else: only the datasource settings are required of it. */
    static Map<String, String> databaseOnly(Map<String, String> required) {
        return required.entrySet().stream()
                .filter(r -> r.getValue().startsWith("quarkus.datasource."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The variables of {@code required} (name to config key) that neither the environment nor a system property gives. */
    static List<String> missing(Map<String, String> required, Map<String, String> env, Properties systemProperties) {
        return new TreeMap<>(required)
                .entrySet().stream()
                        .filter(r ->
                                isBlank(env.get(r.getKey())) && isBlank(systemProperties.getProperty(r.getValue())))
                        .map(Map.Entry::getKey)
                        .toList();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
