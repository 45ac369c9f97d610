package org.confide.records.statement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.confide.events.RecordsEvents;
import org.confide.platform.auth.Caller;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.problem.ProblemException;
import org.confide.records.statement.ConfidentialityStatement;
import org.confide.records.statement.StatementAcknowledgement;
import org.confide.records.statement.repository.AcknowledgementRepository;
import org.confide.records.statement.repository.StatementRepository;
import org.confide.records.statement.rule.StatementRule;
import org.confide.records.time.Times;

/** R-REC-6: the organisation's versioned confidentiality statement, staff acknowledgements, and the gate on client work. */
@ApplicationScoped
@Transactional
public class StatementService {

    public static final String VERSION_FIELD = "statementVersion";
    private final StatementRule rule = new StatementRule();

    @Inject
    StatementRepository statements;

    @Inject
    AcknowledgementRepository acknowledgements;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** An admin publishes the next version; the ones before stay as they were. */
    public ConfidentialityStatement publish(PublishStatement command) {
        // Two admins publishing at once would pick the same number: one at a time per organisation.
        statements
                .getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(hashtext('statement:' || ?1))")
                .setParameter(1, caller.org())
                .getSingleResult();
        ConfidentialityStatement s = new ConfidentialityStatement();
        s.org = caller.org();
        s.version = rule.nextVersion(
                statements.current(caller.org()).map(c -> c.version).orElse(null));
        s.text = command.text();
        s.publishedBy = caller.subject();
        s.publishedAt = Times.now(clock);
        statements.persist(s);
        outbox.emit(new RecordsEvents.StatementPublished(s.version, StatementRule.RULE));
        return s;
    }

    public ConfidentialityStatement version(int version) {
        return statements
                .version(caller.org(), version)
                .orElseThrow(() -> ProblemException.notFound("statement version"));
    }

    public List<ConfidentialityStatement> versions(Integer before, int limit) {
        return statements.page(caller.org(), before, limit);
    }

    /** The current version, with the caller's acknowledgement of it; 404 when the org has published none. */
    public CurrentStatement current() {
        ConfidentialityStatement s = statements
                .current(caller.org())
                .orElseThrow(() -> ProblemException.notFound("confidentiality statement"));
        return new CurrentStatement(
                s,
                acknowledgements
                        .of(s.org, s.version, caller.subject())
                        .map(a -> a.acknowledgedAt)
                        .orElse(null));
    }

    /** The caller acknowledges the current version (422 R-REC-6 for any other); again is harmless, the first time stays. */
    public CurrentStatement acknowledge(Integer version) {
        Optional<ConfidentialityStatement> current = statements.current(caller.org());
        if (current.isEmpty()) {
            throw ProblemException.conflict(
                    StatementRule.RULE, "the organisation has published no confidentiality statement");
        }
        ConfidentialityStatement s = current.get();
        rule.acknowledgeRefusal(s.version, version).ifPresent(reason -> {
            throw ProblemException.unprocessable(StatementRule.RULE, "version", reason);
        });
        StatementAcknowledgement a =
                acknowledgements.of(s.org, s.version, caller.subject()).orElse(null);
        if (a == null) {
            a = new StatementAcknowledgement();
            a.org = s.org;
            a.version = s.version;
            a.userId = caller.subject();
            a.acknowledgedAt = Times.now(clock);
            acknowledgements.persist(a);
            outbox.emit(new RecordsEvents.StatementAcknowledged(s.version, StatementRule.RULE));
        }
        return new CurrentStatement(s, a.acknowledgedAt);
    }

    /** R-REC-6: refuses (403) client work to staff who have not acknowledged the current version; nothing without one. */
    public void requireAcknowledged() {
        Integer current = statements.current(caller.org()).map(s -> s.version).orElse(null);
        boolean acknowledged = current != null
                && acknowledgements.of(caller.org(), current, caller.subject()).isPresent();
        rule.workRefusal(caller.roles(), current, acknowledged).ifPresent(reason -> {
            throw new ProblemException(403, "Forbidden", reason, StatementRule.RULE, null);
        });
    }

    /** R-REC-6 at intake: the version explained must be the current one of {@code org} (422 naming statementVersion). */
    public void checkIntake(String org, Integer explained) {
        Integer current = statements.current(org).map(s -> s.version).orElse(null);
        rule.intakeRefusal(current, explained).ifPresent(reason -> {
            throw ProblemException.unprocessable(StatementRule.RULE, VERSION_FIELD, reason);
        });
    }

    /** The version a client was given at intake, if any. */
    public Optional<ConfidentialityStatement> explained(String org, Integer version) {
        return version == null ? Optional.empty() : statements.version(org, version);
    }
}
