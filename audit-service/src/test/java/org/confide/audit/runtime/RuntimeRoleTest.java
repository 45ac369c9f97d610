package org.confide.audit.runtime;

import static org.confide.audit.AuditTestSupport.owner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A compromised audit-service holds only what the running service connects with: its own datasource, the runtime role
 * of application.properties. That role reads and appends; it cannot change the log's definition, switch its
 * append-only triggers off, or update, delete or truncate what was written, so it cannot rewrite history.
 */
@QuarkusTest
class RuntimeRoleTest {

    /** Each table of the schema and one of its columns (to write an UPDATE against). */
    private static final Map<String, String> TABLES = Map.of(
            "audit_entry",
            "data",
            "checkpoint",
            "note",
            "merkle_node",
            "hash",
            "merkle_tree",
            "size",
            "chain_head",
            "hash",
            "dead_letter",
            "reason",
            "flyway_schema_history",
            "description");
    /** The only writes beyond INSERT the service needs: moving a chain head and a tree's size forward. */
    private static final List<String> UPDATES_GRANTED = List.of("chain_head", "merkle_tree");

    /** The connection pool the service itself uses: exactly its settings and credentials. */
    @Inject
    AgroalDataSource running;

    @ConfigProperty(name = "quarkus.datasource.username")
    String runtimeUser;

    /** What the runtime role must be refused, per table; each was tried as the owner first (so each can succeed). */
    static List<String> forbidden() {
        List<String> out = new ArrayList<>();
        TABLES.forEach((table, column) -> {
            out.add("ALTER TABLE " + table + " ADD COLUMN forged TEXT");
            out.add("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            out.add("ALTER TABLE " + table + " DISABLE TRIGGER ALL");
            if (!UPDATES_GRANTED.contains(table)) {
                out.add("UPDATE " + table + " SET " + column + " = " + column);
            }
            out.add("DELETE FROM " + table);
            out.add("TRUNCATE " + table);
            out.add("DROP TABLE " + table);
        });
        out.add("DROP TRIGGER audit_entry_no_update_delete ON audit_entry");
        out.add(
                "CREATE OR REPLACE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
        out.add("CREATE TABLE forged (x INT)");
        return out;
    }

    @Test
    @DisplayName("the running service connects as the runtime role confide_audit_app, not as the log's owner")
    void connectsAsTheRuntimeRole() throws Exception {
        assertEquals("confide_audit_app", runtimeUser, "application.properties' default runtime role");
        try (Connection c = running.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                     SELECT current_user, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
                            (SELECT count(*) FROM pg_auth_members m WHERE m.member = r.oid) AS memberships,
                            (SELECT count(*) FROM pg_class k WHERE k.relowner = r.oid) AS owned,
                            (SELECT count(*) FROM pg_proc p WHERE p.proowner = r.oid) AS functions
                     FROM pg_roles r WHERE r.rolname = current_user""")) {
            assertTrue(rs.next());
            assertEquals(runtimeUser, rs.getString("current_user"));
            assertFalse(rs.getBoolean("rolsuper"), "not a superuser");
            assertFalse(rs.getBoolean("rolcreaterole"), "cannot make roles");
            assertFalse(rs.getBoolean("rolcreatedb"), "cannot make databases");
            assertFalse(rs.getBoolean("rolbypassrls"), "cannot bypass row security");
            assertEquals(
                    0, rs.getInt("memberships"), "a member of no role (it can SET ROLE to none, the owner included)");
            assertEquals(0, rs.getInt("owned"), "owns no table, index or sequence");
            assertEquals(0, rs.getInt("functions"), "owns no function (the triggers' functions are the owner's)");
        }
    }

    @Test
    @DisplayName(
            "the runtime role cannot ALTER TABLE, DISABLE TRIGGER, UPDATE, DELETE, TRUNCATE or DROP the log, its tree, checkpoints or migration history")
    void cannotRewriteHistory() throws Exception {
        List<String> statements = forbidden();
        // As the owner, inside a transaction that is rolled back, every statement runs: the refusals below are the
        // role's.
        try (Connection c = owner();
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String table : TABLES.keySet()) st.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            for (String sql : statements) {
                if (!sql.startsWith("DROP TABLE") && !sql.startsWith("TRUNCATE")) st.execute(sql);
            }
            c.rollback();
        }
        List<String> allowed = new ArrayList<>();
        try (Connection c = running.getConnection()) {
            for (String sql : statements) {
                try (Statement st = c.createStatement()) {
                    SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), sql);
                    // 42501: refused by the role's privileges, not by a trigger the owner could switch off.
                    if (!"42501".equals(e.getSQLState()) || e.getMessage().contains("append-only")) {
                        allowed.add(sql + " -> " + e.getSQLState() + " " + e.getMessage());
                    }
                } catch (AssertionError ran) {
                    allowed.add(sql + " -> ran");
                }
            }
        }
        assertEquals(List.of(), allowed, "statements the runtime role was not refused for want of privilege");
    }

    @Test
    @DisplayName("the runtime role still does its work: reads every table, appends to the log, moves chain heads")
    void stillAppends() throws Exception {
        try (Connection c = running.getConnection();
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String table : TABLES.keySet())
                st.executeQuery("SELECT count(*) FROM " + table).close();
            st.execute("INSERT INTO chain_head (org, seq, hash) VALUES ('org-runtime-role', 0, 'h')");
            st.execute("UPDATE chain_head SET seq = 1 WHERE org = 'org-runtime-role'");
            st.execute(
                    "INSERT INTO audit_entry (org, seq, event_id, type, occurred_at, recorded_at, source, data, prev_hash, hash)"
                            + " VALUES ('org-runtime-role', 1, 'ev-runtime-role', 't', now(), now(), 's', '{}', 'h', 'h1')");
            c.rollback();
            c.setAutoCommit(true);
        }
    }
}
