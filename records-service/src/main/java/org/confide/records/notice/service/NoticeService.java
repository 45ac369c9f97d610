package org.confide.records.notice.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.platform.auth.Caller;
import org.confide.platform.problem.ProblemException;
import org.confide.records.config.RecordsConfig;
import org.confide.records.notice.Notice;
import org.confide.records.notice.NoticeStatus;
import org.confide.records.notice.PartnerWebhook;
import org.confide.records.notice.repository.NoticeRepository;
import org.confide.records.notice.repository.PartnerWebhookRepository;
import org.confide.records.notice.rule.DeliveryRule;
import org.confide.records.paging.TimeCursor;
import org.confide.records.referral.Milestone;
import org.confide.records.time.Times;

/** The referrer's written notices (R-REF-1) as rows, and the partner's webhook they are delivered to. */
@ApplicationScoped
@Transactional
public class NoticeService {

    private final DeliveryRule rule = new DeliveryRule();

    @Inject
    NoticeRepository notices;

    @Inject
    PartnerWebhookRepository webhooks;

    @Inject
    RecordsConfig config;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** Writes the notice of a referred client's milestone in the milestone's own transaction: both or neither. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notice write(Milestone m) {
        Notice n = new Notice();
        n.id = UUID.randomUUID();
        n.org = m.org;
        n.referrerOrg = m.referrerOrg;
        n.referralId = m.referralId;
        n.clientId = m.clientId;
        n.milestoneId = m.id;
        n.milestone = m.type;
        n.milestoneAt = m.at;
        n.status = NoticeStatus.PENDING;
        n.nextAttemptAt = m.at;
        n.createdAt = m.at;
        notices.persist(n);
        return n;
    }

    /** A page of the deliveries of the caller's referrals (partner) or of its organisation's notices (admin). */
    public List<Notice> page(boolean referrer, NoticeStatus status, TimeCursor after, int limit) {
        return notices.page(referrer, caller.org(), status, after, limit);
    }

    /** The caller's (a partner's) notice, else 404: another organisation's is not revealed. */
    public Notice ofPartner(UUID id) {
        Notice n = notices.findById(id);
        if (n == null || !n.referrerOrg.equals(caller.org())) throw ProblemException.notFound("delivery");
        return n;
    }

    /** A parked notice of the caller's is tried again from now, for another full retry period. */
    public Notice retry(UUID id) {
        Notice n = ofPartner(id);
        if (n.status != NoticeStatus.PARKED) {
            throw ProblemException.conflict(
                    DeliveryRule.RULE, "only a PARKED delivery is retried; this one is " + n.status);
        }
        OffsetDateTime now = Times.now(clock);
        n.status = NoticeStatus.PENDING;
        n.nextAttemptAt = now;
        n.createdAt = now;
        return n;
    }

    /** The caller's organisation's webhook, else 404. */
    public PartnerWebhook webhook() {
        PartnerWebhook w = webhooks.findById(caller.org());
        if (w == null) throw ProblemException.notFound("webhook");
        return w;
    }

    /**
     * Registers (or moves) the caller's organisation's webhook; a first registration makes its secret. The answer is
     * whether it was new, so the secret is shown once.
     */
    public Registered register(String url) {
        rule.urlRefusal(url, config.notices().allowLoopbackHttp()).ifPresent(reason -> {
            throw ProblemException.unprocessable(DeliveryRule.RULE, "url", reason);
        });
        PartnerWebhook w = webhooks.findById(caller.org());
        boolean created = w == null;
        if (created) {
            w = new PartnerWebhook();
            w.partnerOrg = caller.org();
            w.secret = StandardWebhooks.newSecret();
        }
        w.url = url.strip();
        w.registeredBy = caller.subject();
        w.registeredAt = Times.now(clock);
        if (created) webhooks.persist(w);
        return new Registered(w, created);
    }

    /** A new secret signs from now; the previous one signs beside it for the rotation overlap. */
    public PartnerWebhook rotate() {
        PartnerWebhook w = webhook();
        OffsetDateTime now = Times.now(clock);
        w.previousSecret = w.secret;
        w.previousUntil = now.plus(config.notices().rotationOverlap());
        w.secret = StandardWebhooks.newSecret();
        w.rotatedAt = now;
        return w;
    }

    /** Removes the caller's webhook: later notices go by e-mail where the referral gave one. */
    public void remove() {
        webhooks.delete(webhook());
    }

    public record Registered(PartnerWebhook webhook, boolean created) {}
}
