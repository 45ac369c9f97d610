package org.confide.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.confide.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * audit-service started as production starts it (packaged jar, prod profile): the migrate step ran as the schema owner,
 * the service runs as the runtime role only, and a start that lacks its migrated schema or its signing key refuses.
 */
class AuditRuntimeSystemTest {

    private static final String RUNTIME_ROLE = "confide_audit_app";

    @Test
    @DisplayName("the running audit-service holds database connections only as the runtime role confide_audit_app")
    void connectsOnlyAsTheRuntimeRole() throws Exception {
        RunningSystem system = RunningSystem.get();
        String db = TestDatabase.name(RunningSystem.database("audit-service"));
        List<String> users = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (users.isEmpty() && System.currentTimeMillis() < deadline) {
            users.clear();
            try (Connection c = DriverManager.getConnection(
                            TestDatabase.server() + "/postgres", TestDatabase.user(), TestDatabase.password());
                    Statement st = c.createStatement();
                    ResultSet rs =
                            st.executeQuery("SELECT usename FROM pg_stat_activity WHERE datname = '" + db + "'")) {
                while (rs.next()) users.add(rs.getString(1));
            }
            if (users.isEmpty()) Thread.sleep(300);
        }
        assertTrue(system.pid("audit-service") > 0);
        assertTrue(
                !users.isEmpty() && users.stream().allMatch(RUNTIME_ROLE::equals),
                "connections to " + db + ": " + users);
    }

    @Test
    @DisplayName(
            "with the running service's own settings, the log cannot be altered, its triggers disabled, or its entries updated or deleted")
    void runtimeSettingsCannotRewriteHistory() throws Exception {
        RunningSystem.get();
        // The URL and role the running service was given (RunningSystem.config and application.properties' defaults).
        String url = TestDatabase.url(RunningSystem.database("audit-service"));
        try (Connection c = DriverManager.getConnection(url, RUNTIME_ROLE, "")) {
            for (String sql : List.of(
                    "ALTER TABLE audit_entry ADD COLUMN forged TEXT",
                    "ALTER TABLE audit_entry DISABLE TRIGGER USER",
                    "ALTER TABLE checkpoint DISABLE TRIGGER USER",
                    "UPDATE audit_entry SET data = data",
                    "DELETE FROM audit_entry",
                    "DELETE FROM checkpoint")) {
                try (Statement st = c.createStatement()) {
                    SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), sql);
                    assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
                    assertTrue(
                            !e.getMessage().contains("append-only"),
                            sql + " refused by privilege, not by a trigger: " + e.getMessage());
                }
            }
        }
    }

    @Test
    @DisplayName("a production start on a database its migrate step has not migrated stops and names the migrate step")
    void refusesAnUnmigratedDatabase() throws Exception {
        RunningSystem system = RunningSystem.get();
        Map<String, String> config = system.startedWith("audit-service");
        config.put("quarkus.datasource.jdbc.url", TestDatabase.fresh("confide_audit_unmigrated_systest"));
        String log = refusedStart(config);
        assertTrue(log.contains("migrate step"), log);
    }

    @Test
    @DisplayName(
            "a production start without CONFIDE_AUDIT_SIGNING_KEY stops and names it; so does one whose key file is missing")
    void refusesToStartWithoutItsSigningKey() throws Exception {
        RunningSystem system = RunningSystem.get();
        Map<String, String> config = system.startedWith("audit-service");
        config.remove("confide.audit.signing-key");
        assertTrue(refusedStart(config).contains("missing required settings: CONFIDE_AUDIT_SIGNING_KEY"));

        java.nio.file.Path missing =
                java.nio.file.Files.createTempDirectory("confide-no-key").resolve("audit-signing.key");
        config.put("confide.audit.signing-key", missing.toString());
        String log = refusedStart(config);
        assertTrue(log.contains("CONFIDE_AUDIT_SIGNING_KEY") && log.contains(missing.toString()), log);
        assertTrue(!java.nio.file.Files.exists(missing), "a production start makes no key of its own");
    }

    /** Starts a second audit-service that must stop by itself with a failure; its log. */
    private static String refusedStart(Map<String, String> config) throws Exception {
        ServiceProcess p = ServiceProcess.start("audit-service", config);
        int status = p.awaitExit(Duration.ofSeconds(120));
        String log = p.log();
        assertNotEquals(0, status, log);
        return log;
    }
}
