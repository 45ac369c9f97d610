package org.confide.records.letter.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.records.config.RecordsConfig;
import org.confide.records.crypto.ClientKeys;
import org.confide.records.letter.Letter;
import org.confide.records.notice.rule.DeliveryRule;
import org.confide.records.time.Times;
import org.jboss.logging.Logger;

/**
 * Mails a sent letter (R-CONS-3: only an approved one is ever queued) to its recipient's address: a row of
 * {@code letter_mail} written when the letter is sent, delivered afterwards one at a time ({@code FOR UPDATE SKIP
 * LOCKED}), retried and parked like a referrer's notice ({@link DeliveryRule}). The row holds no text: the address and
 * body are opened from the letter, with the client's key, when the mail goes; a destroyed client's letter is parked.
 */
@ApplicationScoped
public class LetterMails {

    private static final Logger LOG = Logger.getLogger(LetterMails.class);
    private final DeliveryRule rule = new DeliveryRule();

    @Inject
    EntityManager em;

    @Inject
    ClientKeys keys;

    @Inject
    Mailer mailer;

    @Inject
    RecordsConfig config;

    @Inject
    Clock clock;

    /** Queues the letter's mail in the sending transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(Letter l) {
        em.createNativeQuery(
                        "INSERT INTO letter_mail (id, letter_id, org, status, attempts, next_attempt_at, created_at) "
                                + "VALUES (?1, ?2, ?3, 'PENDING', 0, ?4, ?4)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, l.id)
                .setParameter(3, l.org)
                .setParameter(4, l.sentAt)
                .executeUpdate();
    }

    @Scheduled(
            identity = "records-letter-mail",
            every = "${confide.records.notices.every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.notices().scheduled()) return;
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.warnf("letter mail stopped for now: %s", e.toString());
        }
    }

    /** Tries every letter mail that is due now, each once; returns how many attempts were made. */
    public int deliverDue() {
        int attempts = 0;
        while (attempts < 10_000 && QuarkusTransaction.requiringNew().call(this::deliverOne)) attempts++;
        return attempts;
    }

    @SuppressWarnings("unchecked")
    private boolean deliverOne() {
        OffsetDateTime now = Times.now(clock);
        List<Object[]> due = em.createNativeQuery(
                        "SELECT id, letter_id, attempts, created_at FROM letter_mail WHERE status = 'PENDING' "
                                + "AND next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now)
                .getResultList();
        if (due.isEmpty()) return false;
        Object[] row = due.getFirst();
        UUID id = (UUID) row[0];
        int attempts = ((Number) row[2]).intValue() + 1;
        OffsetDateTime created = toOffset(row[3]);
        Letter l = em.find(Letter.class, row[1]);
        String error = send(l);
        DeliveryRule.Next next = rule.after(
                error == null,
                created.toInstant(),
                now.toInstant(),
                config.notices().giveUpAfter());
        if (l == null || error != null && error.startsWith("the client's record")) next = DeliveryRule.Next.PARKED;
        em.createNativeQuery("UPDATE letter_mail SET status = ?2, attempts = ?3, last_attempt_at = ?4, "
                        + "next_attempt_at = ?5, last_error = ?6, delivered_at = ?7 WHERE id = ?1")
                .setParameter(1, id)
                .setParameter(2, next == DeliveryRule.Next.RETRY ? "PENDING" : next.name())
                .setParameter(3, attempts)
                .setParameter(4, now)
                .setParameter(
                        5,
                        now.plus(rule.backoff(
                                attempts,
                                config.notices().initialBackoff(),
                                config.notices().maxBackoff())))
                .setParameter(6, error)
                .setParameter(7, next == DeliveryRule.Next.DELIVERED ? now : null)
                .executeUpdate();
        return true;
    }

    private String send(Letter l) {
        if (l == null) return "the letter is gone";
        String to;
        String body;
        try {
            to = keys.open(l.clientId, LetterService.RECIPIENT_EMAIL, l.recipientEmail);
            body = keys.open(l.clientId, LetterService.BODY, l.body);
        } catch (RuntimeException e) {
            return "the client's record was destroyed: the letter can no longer be read";
        }
        try {
            mailer.send(Mail.withText(to, "A letter from " + l.org, body));
            return null;
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null) t = t.getCause();
            String s = (t.getClass().getSimpleName() + ": " + t.getMessage()).replaceAll("\\s+", " ");
            return s.length() > 300 ? s.substring(0, 300) : s;
        }
    }

    private static OffsetDateTime toOffset(Object o) {
        if (o instanceof OffsetDateTime odt) return odt;
        if (o instanceof java.time.Instant i) return i.atOffset(java.time.ZoneOffset.UTC);
        if (o instanceof java.sql.Timestamp ts) return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        throw new IllegalStateException("unexpected time " + o);
    }
}
