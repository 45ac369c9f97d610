package org.confide.platform.db;

import io.quarkus.arc.Arc;
import io.quarkus.flyway.FlywayDataSource;
import io.quarkus.runtime.PreventFurtherStepsException;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.confide.platform.config.PlatformConfig;
import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.jboss.logging.Logger;

/**
 * Each service owns its database: at start it creates the database if it is missing, then migrates it
 * with Flyway (the only way the schema changes). Runs before anything else observes start-up. A service whose
 * runtime role must not own the schema ({@code confide.platform.db.migrate=false}) only checks the schema at start,
 * and is migrated by a step of its own ({@code confide.platform.db.migrate-only=true}) that exits when done.
 */
@ApplicationScoped
public class DatabaseBootstrap {

    /** Observers of StartupEvent that need the schema use a larger priority than this. */
    public static final int PRIORITY = 10;

    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?$");

    @Inject
    PlatformConfig config;

    @Inject
    Config mp;

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) throws SQLException {
        if (!config.db().migrate() && !config.db().migrateOnly()) {
            validate();
            return;
        }
        String ds = config.db().migrationDatasource();
        String prefix = "<default>".equals(ds) ? "quarkus.datasource." : "quarkus.datasource.\"" + ds + "\".";
        String url = mp.getValue(prefix + "jdbc.url", String.class);
        String user = mp.getOptionalValue(prefix + "username", String.class).orElse(null);
        String password = mp.getOptionalValue(prefix + "password", String.class).orElse(null);
        if (config.db().createIfMissing()) {
            createIfMissing(url, user, password);
        }
        Flyway flyway = "<default>".equals(ds)
                ? Arc.container()
                        .instance(Flyway.class, Default.Literal.INSTANCE)
                        .get()
                : Arc.container()
                        .instance(Flyway.class, FlywayDataSource.FlywayDataSourceLiteral.of(ds))
                        .get();
        var result = flyway.migrate();
        LOG.infof(
                "database %s at schema version %s (%d migrations applied now)",
                databaseOf(url),
                result.targetSchemaVersion == null ? flyway.info().current().getVersion() : result.targetSchemaVersion,
                result.migrationsExecuted);
        if (config.db().migrateOnly()) {
            // As Quarkus' own init-and-exit: ask for the exit, then stop the start here, before consumers and
            // schedulers.
            LOG.infof("migrate step done: %s is migrated; exiting", databaseOf(url));
            Quarkus.asyncExit(0);
            throw new PreventFurtherStepsException();
        }
    }

    /**
     * The runtime start: the application's datasource (the runtime role) reads Flyway's history and the start stops,
     * naming the migrate step, unless every migration of this build was applied.
     */
    private void validate() {
        Flyway flyway =
                Arc.container().instance(Flyway.class, Default.Literal.INSTANCE).get();
        String url = mp.getValue("quarkus.datasource.jdbc.url", String.class);
        ValidateResult result = flyway.validateWithResult();
        if (!result.validationSuccessful) {
            String problems = result.invalidMigrations == null || result.invalidMigrations.isEmpty()
                    ? String.valueOf(result.getAllErrorMessages())
                    : result.invalidMigrations.stream()
                            .map(m -> "V" + m.version + " "
                                    + (m.errorDetails == null ? "invalid" : m.errorDetails.errorCode))
                            .collect(Collectors.joining(", "));
            throw new IllegalStateException("database " + databaseOf(url) + " is not at the schema of this "
                    + config.serviceName()
                    + ": run its migrate step first, as the schema owner (the same jar or image with"
                    + " confide.platform.db.migrate-only=true; README \"Migration step\"). Migrations: " + problems);
        }
        LOG.infof(
                "database %s at schema version %s (checked, not migrated: this start does not own the schema)",
                databaseOf(url), flyway.info().current().getVersion());
    }

    /** Connects to the server's {@code postgres} database and creates the target database when absent. */
    public static void createIfMissing(String jdbcUrl, String user, String password) throws SQLException {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected jdbc:postgresql://host:port/database, got " + jdbcUrl);
        }
        String database = m.group(2);
        String maintenance = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        Properties props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(maintenance, props)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return;
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE \"" + database + "\"");
                LOG.infof("created database %s", database);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) throw e; // another instance created it first
            }
        }
    }

    static String databaseOf(String jdbcUrl) {
        Matcher m = URL.matcher(jdbcUrl);
        return m.matches() ? m.group(2) : jdbcUrl;
    }
}
