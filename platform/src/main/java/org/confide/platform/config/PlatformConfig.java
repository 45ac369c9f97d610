package org.confide.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings shared by every service, under {@code confide.platform.*}. */
@ConfigMapping(prefix = "confide.platform")
public interface PlatformConfig {

    /** The service's name: the CloudEvents {@code source} and the Kafka client id. */
    String serviceName();

    /** The topic this service publishes its events to (docs/api.md: one topic per producing service). */
    Optional<String> topic();

    /**
     * Most verified bearer tokens each service keeps in memory (platform auth.CachingTokenVerifier), so that the same
     * token is not RSA-verified on every request; each is kept until its {@code exp}. 0: every request verifies.
     */
    @WithDefault("10000")
    int tokenCacheSize();

    /** The transactional outbox relay. */
    Outbox outbox();

    /** Creating and migrating the service's own database at start. */
    Db db();

    /**
     * Settings a production start refuses to go without: environment variable name to the config key it feeds
     * ({@code %prod.confide.platform.required.CONFIDE_KAFKA=kafka.bootstrap.servers}). Satisfied by the variable or
     * by the key given as a system property. Empty outside the prod profile.
     */
    Map<String, String> required();

    /** What the OpenAPI contract test needs (platform openapi.StatusObserver). */
    OpenApi openapi();

    interface OpenApi {
        /**
         * A file to which every answered request appends {@code operationId status}, for the OpenAPI contract test;
         * unset (production), nothing is kept. The test profile sets it to {@code target/observed-statuses.txt}.
         */
        Optional<String> observeFile();
    }

    interface Outbox {
        /** Whether the relay runs in this process. */
        @WithDefault("true")
        boolean enabled();

        /** How often the relay looks for unsent events when nothing wakes it. */
        @WithDefault("PT0.5S")
        Duration pollInterval();

        /**
         * How long the relay, once woken by a commit, waits for more before it publishes: at a few hundred events a
         * second a relay transaction (and a Kafka request, and an audit batch downstream) per event cost more CPU than
         * the requests themselves (bench: decisions, CPU per request at c=1).
         */
        @WithDefault("PT0.02S")
        Duration linger();

        /** Most events published and marked sent in one relay transaction. */
        @WithDefault("200")
        int batchSize();

        /** Longest wait between retries while Kafka is unreachable (backoff doubles up to this). */
        @WithDefault("PT10S")
        Duration maxBackoff();

        /**
         * How long a sent event stays in the outbox before the relay deletes it (R-REC-3: no copy kept for ever);
         * env {@code CONFIDE_OUTBOX_RETENTION}, an ISO-8601 duration. Unsent events are never deleted.
         */
        @WithDefault("P7D")
        Duration retention();

        /** How often the relay deletes the sent events older than {@link #retention()}. */
        @WithDefault("PT1H")
        Duration purgeInterval();
    }

    interface Db {
        /** Create the database named in the JDBC URL if it does not exist yet, then run Flyway. */
        @WithDefault("true")
        boolean createIfMissing();

        /**
         * The datasource whose credentials own the schema and run the migrations; {@code <default>} is the
         * application's. audit-service names a separate owner so that its runtime role does not own the log.
         */
        @WithDefault("<default>")
        String migrationDatasource();

        /**
         * Whether a start migrates the schema. Off, the start only checks, as the application's own datasource, that
         * every migration was applied, and stops naming the migrate step if not: a runtime role that must not own the
         * schema never runs Flyway (audit-service).
         */
        @WithDefault("true")
        boolean migrate();

        /**
         * The migrate step: create the database if missing, migrate it as the migration datasource, then exit (status 0)
         * before anything else starts: no consumer, no scheduler, no request served.
         */
        @WithDefault("false")
        boolean migrateOnly();
    }
}
