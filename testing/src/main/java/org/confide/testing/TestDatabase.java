package org.confide.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A test run's own PostgreSQL database, dropped and created afresh. The server is 127.0.0.1:5432 unless
 * {@code CONFIDE_TEST_DB_URL} (jdbc:postgresql://host:port) says otherwise; user {@code CONFIDE_TEST_DB_USER}.
 * {@code CONFIDE_TEST_DB_SUFFIX} is appended to every database name, so two checkouts can run their tests side by side.
 */
public final class TestDatabase {

    private TestDatabase() {}

    public static String server() {
        String url = System.getenv().getOrDefault("CONFIDE_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432");
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return url.startsWith("jdbc:") ? url : "jdbc:postgresql://" + url;
    }

    public static String user() {
        return System.getenv().getOrDefault("CONFIDE_TEST_DB_USER", "postgres");
    }

    public static String password() {
        return System.getenv().getOrDefault("CONFIDE_TEST_DB_PASSWORD", "");
    }

    public static String url(String database) {
        return server() + "/" + name(database);
    }

    /** The database's name on the server: {@code database} plus this run's {@code CONFIDE_TEST_DB_SUFFIX}. */
    public static String name(String database) {
        String suffix = System.getenv().getOrDefault("CONFIDE_TEST_DB_SUFFIX", "");
        if (!suffix.matches("[a-z0-9_]*")) throw new IllegalArgumentException("CONFIDE_TEST_DB_SUFFIX: " + suffix);
        return database + suffix;
    }

    /** Drops {@code database} if it exists and creates it empty; returns its JDBC URL. */
    public static String fresh(String database) {
        return fresh(server(), database);
    }

    /** As {@link #fresh(String)}, on the server {@code server} (a JDBC URL without a database: a test's own server). */
    public static String fresh(String server, String database) {
        if (!database.matches("[a-z0-9_]+")) throw new IllegalArgumentException(database);
        try (Connection c = DriverManager.getConnection(server + "/postgres", user(), password());
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name(database) + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name(database));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + server + " is needed for the tests: " + e.getMessage(), e);
        }
        return server + "/" + name(database);
    }
}
