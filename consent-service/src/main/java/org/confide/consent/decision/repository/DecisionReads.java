package org.confide.consent.decision.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.confide.consent.consent.Consent;
import org.confide.consent.consent.ConsentStatus;
import org.confide.consent.decision.rule.DecisionRule.Candidate;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;

/**
 * What one client's decision reads, in one statement and one round trip: whether the client is known in the
 * organisation (allocation copy), its latest INFORMATION_SHARING capacity assessment (R-CONS-5) and its consents to
 * the recipient type for the purpose (indexes consent_decision and capacity_latest). Plain JDBC on the hot path:
 * the profile showed entity loading for these three reads as a quarter of the service's time per decision. It also
 * tells whether an event of a change to the client is still in the outbox (index outbox_event_unsent): the decision's
 * event, sent straight to Kafka, must not overtake it in the client's order (docs/architecture.md).
 */
@ApplicationScoped
public class DecisionReads {

    private static final String SQL = """
            SELECT (SELECT NOT ca.has_capacity FROM capacity_assessment ca
                     WHERE ca.org = a.org AND ca.client_id = a.client_id AND ca.matter = 'INFORMATION_SHARING'
                     ORDER BY ca.assessed_at DESC LIMIT 1) AS lacks_capacity,
                   c.id, c.recipient_type, c.recipient_org_id, c.categories, c.purpose, c.status, c.valid_from, c.valid_until,
                   a.practitioner_id,
                   EXISTS (SELECT 1 FROM outbox_event o WHERE o.sent_at IS NULL AND o.message_key = a.client_id) AS change_unsent
              FROM client_allocation a
              LEFT JOIN consent c ON c.org = a.org AND c.client_id = a.client_id AND c.recipient_type = ? AND c.purpose = ?
             WHERE a.client_id = ? AND a.org = ?
             ORDER BY c.created_at DESC""";

    /** The client's side of a decision: capacity, the candidate consents (newest first), the allocated practitioner. */
    public record ClientFacts(
            boolean lacksCapacity, List<Candidate> candidates, String practitionerId, boolean changeUnsent) {}

    private static final String UNSENT =
            "SELECT EXISTS (SELECT 1 FROM outbox_event WHERE sent_at IS NULL AND message_key = ?)";

    @Inject
    DataSource dataSource;

    /** Empty when the client is not known in {@code org} (another organisation's, or not heard of yet). */
    public Optional<ClientFacts> forClient(String org, String clientId, RecipientType type, Purpose purpose) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, type.name());
            ps.setString(2, purpose.name());
            ps.setString(3, clientId);
            ps.setString(4, org);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                boolean lacks = rs.getBoolean(1);
                String practitioner = rs.getString(10);
                boolean unsent = rs.getBoolean(11);
                List<Candidate> candidates = new ArrayList<>();
                do {
                    UUID id = rs.getObject(2, UUID.class);
                    if (id == null) break;
                    Timestamp until = rs.getTimestamp(9);
                    candidates.add(new Candidate(
                            id,
                            RecipientType.valueOf(rs.getString(3)),
                            rs.getString(4),
                            Consent.categorySet(rs.getString(5)),
                            Purpose.valueOf(rs.getString(6)),
                            ConsentStatus.valueOf(rs.getString(7)),
                            rs.getTimestamp(8).toInstant(),
                            until == null ? null : until.toInstant()));
                } while (rs.next());
                return Optional.of(new ClientFacts(lacks, candidates, practitioner, unsent));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the decision's facts: " + e.getMessage(), e);
        }
    }

    /**
     * Waits, until {@code deadlineNanos} ({@link System#nanoTime()}), for the outbox relay to have sent every event
     * keyed {@code clientId}; false if it had not by then.
     */
    public boolean awaitSent(String clientId, long deadlineNanos) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(UNSENT)) {
            ps.setString(1, clientId);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) return true;
                }
                if (System.nanoTime() - deadlineNanos >= 0) return false;
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox: " + e.getMessage(), e);
        }
    }
}
