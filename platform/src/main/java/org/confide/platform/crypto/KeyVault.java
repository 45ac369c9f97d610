package org.confide.platform.crypto;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.flyway.FlywayDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.confide.platform.config.PlatformConfig;
import org.confide.platform.db.DatabaseBootstrap;
import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * The key vault (R-REC-3): each client's data key, sealed by the master key, kept in a database of its own
 * (datasource {@code keys}) that is deployed without long-lived backups, so that destroying a key here leaves every
 * backup of the records database holding only ciphertext. Plain JDBC, not enlisted in JTA: each write is its own
 * autocommit statement, so a key exists before its client row commits and is gone before the tombstone commits.
 * A destroyed client's id stays in the vault (no key, only the time), so that no key is ever made for it again.
 */
@ApplicationScoped
@IfBuildProperty(name = "confide.crypto.enabled", stringValue = "true")
public class KeyVault {

    public static final String DATASOURCE = "keys";
    /** After the platform's database bootstrap, before the outbox relay and the consumers. */
    public static final int PRIORITY = DatabaseBootstrap.PRIORITY + 1;

    private static final String PREFIX = "quarkus.datasource.\"" + DATASOURCE + "\".";
    private static final Logger LOG = Logger.getLogger(KeyVault.class);

    @Inject
    @io.quarkus.agroal.DataSource(DATASOURCE)
    AgroalDataSource dataSource;

    @Inject
    @FlywayDataSource(DATASOURCE)
    Flyway flyway;

    @Inject
    MasterKey master;

    @Inject
    Config mp;

    @Inject
    PlatformConfig platform;

    @Inject
    CryptoConfig crypto;

    /** Creates the vault database if missing (unless a DBA makes it) and migrates it (db/keys, Flyway only). */
    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) throws SQLException {
        if (platform.db().createIfMissing()) {
            DatabaseBootstrap.createIfMissing(
                    mp.getValue(PREFIX + "jdbc.url", String.class),
                    mp.getOptionalValue(PREFIX + "username", String.class).orElse(null),
                    mp.getOptionalValue(PREFIX + "password", String.class).orElse(null));
        }
        var result = flyway.migrate();
        LOG.infof("key vault migrated (%d migrations applied now)", result.migrationsExecuted);
    }

    /** Stores a fresh data key for a new client, sealed by the master key. */
    public void create(UUID clientId) {
        byte[] wrapped = FieldCipher.seal(master.bytes(), FieldCipher.newKey(), wrapContext(clientId));
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into client_key (client_id, wrapped_key, created_at) values (?, ?, ?)")) {
            ps.setObject(1, clientId);
            ps.setBytes(2, wrapped);
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the key vault did not store the key of client " + clientId, e);
        }
    }

    /**
     * The client's data key, made now if it has none yet (a service that learns of clients from events); two callers
     * at once get the same key. {@link Destroyed} once the client has been destroyed: nothing new is sealed for it.
     */
    public byte[] ensure(UUID clientId) {
        Optional<byte[]> found = find(clientId);
        if (found.isPresent()) return found.get();
        byte[] wrapped = FieldCipher.seal(master.bytes(), FieldCipher.newKey(), wrapContext(clientId));
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into client_key (client_id, wrapped_key, created_at) "
                        + "select ?, ?, ? where not exists (select 1 from destroyed_client where client_id = ?) "
                        + "on conflict (client_id) do nothing")) {
            ps.setObject(1, clientId);
            ps.setBytes(2, wrapped);
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setObject(4, clientId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the key vault did not store the key of client " + clientId, e);
        }
        return find(clientId).orElseThrow(() -> new Destroyed(clientId));
    }

    /** The client's data key, unwrapped; empty once destroyed (or never created). */
    public Optional<byte[]> find(UUID clientId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select wrapped_key from client_key where client_id = ?")) {
            ps.setObject(1, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(FieldCipher.open(master.bytes(), rs.getBytes(1), wrapContext(clientId)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the key vault is unavailable", e);
        }
    }

    /** R-REC-3 crypto-shredding: deletes the client's key and remembers that it did; repeating it is harmless. */
    public void destroy(UUID clientId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement tomb = c.prepareStatement("insert into destroyed_client (client_id, destroyed_at) "
                        + "values (?, ?) on conflict (client_id) do nothing");
                PreparedStatement ps = c.prepareStatement("delete from client_key where client_id = ?")) {
            tomb.setObject(1, clientId);
            tomb.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            tomb.executeUpdate();
            ps.setObject(1, clientId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the key vault did not destroy the key of client " + clientId, e);
        }
    }

    private String wrapContext(UUID clientId) {
        return crypto.context() + "/client-key/" + clientId;
    }

    /** The client has been destroyed (R-REC-3): no key is made for it again. */
    public static final class Destroyed extends RuntimeException {
        public Destroyed(UUID clientId) {
            super("client " + clientId + " has been destroyed", null, false, false);
        }
    }
}
