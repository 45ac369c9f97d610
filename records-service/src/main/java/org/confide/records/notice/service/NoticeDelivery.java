package org.confide.records.notice.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.confide.events.RecordsEvents;
import org.confide.platform.auth.Actor;
import org.confide.platform.config.PlatformConfig;
import org.confide.platform.events.CloudEvent;
import org.confide.platform.outbox.Outbox;
import org.confide.records.config.RecordsConfig;
import org.confide.records.notice.Channel;
import org.confide.records.notice.Notice;
import org.confide.records.notice.NoticeStatus;
import org.confide.records.notice.PartnerWebhook;
import org.confide.records.notice.repository.NoticeRepository;
import org.confide.records.notice.repository.PartnerWebhookRepository;
import org.confide.records.notice.rule.DeliveryRule;
import org.confide.records.referral.Referral;
import org.confide.records.referral.repository.ReferralRepository;
import org.confide.records.time.Times;
import org.jboss.logging.Logger;

/**
 * Delivers the referrers' written notices (R-REF-1), one row at a time, each in its own transaction that locks it
 * ({@code FOR UPDATE SKIP LOCKED}, as the outbox relay does): to the referrer organisation's webhook as a signed
 * CloudEvent, else by e-mail to the referrer named on the referral. Each attempt is recorded ({@code referrer.notified}
 * with its channel and outcome) in the transaction that records its result; a failure is retried with a doubling
 * backoff and parked after {@code confide.records.notices.give-up-after}.
 */
@ApplicationScoped
public class NoticeDelivery {

    private static final Logger LOG = Logger.getLogger(NoticeDelivery.class);
    /** The CloudEvents type of a webhook notice (docs/api.md "Partner webhooks"). */
    public static final String EVENT_TYPE = "referral.milestone";

    private final DeliveryRule rule = new DeliveryRule();

    @Inject
    NoticeRepository notices;

    @Inject
    PartnerWebhookRepository webhooks;

    @Inject
    ReferralRepository referrals;

    @Inject
    Outbox outbox;

    @Inject
    Mailer mailer;

    @Inject
    ObjectMapper mapper;

    @Inject
    RecordsConfig config;

    @Inject
    PlatformConfig platform;

    @Inject
    Clock clock;

    private volatile HttpClient http;

    @Scheduled(
            identity = "records-notice-delivery",
            every = "${confide.records.notices.every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.notices().scheduled()) return;
        try {
            int n = deliverDue();
            if (n > 0) LOG.debugf("notice delivery: %d attempts", n);
        } catch (RuntimeException e) {
            LOG.warnf("notice delivery stopped for now: %s", e.toString());
        }
    }

    /** Tries every notice that is due now, each once; returns how many attempts were made. */
    public int deliverDue() {
        int attempts = 0;
        while (attempts < 10_000 && QuarkusTransaction.requiringNew().call(this::deliverOne)) attempts++;
        return attempts;
    }

    private boolean deliverOne() {
        OffsetDateTime now = Times.now(clock);
        Optional<Notice> due = notices.lockNextDue(now);
        if (due.isEmpty()) return false;
        Notice n = due.get();
        Attempt a = attempt(n);
        n.attempts++;
        n.lastAttemptAt = now;
        n.channel = a.channel();
        DeliveryRule.Next next = rule.after(
                a.error() == null,
                a.channel() != null,
                n.createdAt.toInstant(),
                now.toInstant(),
                config.notices().giveUpAfter());
        switch (next) {
            case DELIVERED -> {
                n.status = NoticeStatus.DELIVERED;
                n.deliveredAt = now;
                n.lastError = null;
            }
            case RETRY -> {
                n.lastError = a.error();
                n.nextAttemptAt = now.plus(rule.backoff(
                        n.attempts,
                        config.notices().initialBackoff(),
                        config.notices().maxBackoff()));
            }
            case PARKED -> {
                n.status = NoticeStatus.PARKED;
                n.lastError = a.error();
            }
        }
        String outcome = next == DeliveryRule.Next.RETRY ? "FAILED" : next.name();
        outbox.emit(
                new RecordsEvents.ReferrerNotified(
                        n.clientId.toString(),
                        n.referralId.toString(),
                        n.referrerOrg,
                        n.milestoneId.toString(),
                        n.milestone.name(),
                        DeliveryRule.RULE,
                        a.channel() == null ? null : a.channel().name(),
                        outcome),
                Actor.system(platform.serviceName(), n.org),
                UUID.randomUUID().toString());
        if (next != DeliveryRule.Next.DELIVERED) {
            LOG.infof("notice %s to %s: %s (%s)", n.id, n.referrerOrg, outcome, a.error());
        }
        return true;
    }

    /** One attempt: the channel tried (none when the referrer has neither webhook nor e-mail) and the error, if any. */
    private Attempt attempt(Notice n) {
        PartnerWebhook hook = webhooks.findById(n.referrerOrg);
        if (hook != null) return new Attempt(Channel.WEBHOOK, post(hook, n));
        Referral r = referrals.findById(n.referralId);
        if (r != null && r.referrerEmail != null) return new Attempt(Channel.EMAIL, mail(r.referrerEmail, n));
        return new Attempt(null, "the referrer has no webhook and the referral no e-mail address");
    }

    /** The webhook body: a CloudEvent (structured mode) whose data is the referral id, the milestone and its time. */
    public String body(Notice n) {
        Map<String, String> data = Map.of(
                "referralId", n.referralId.toString(),
                "milestone", n.milestone.name(),
                "at", n.milestoneAt.toInstant().toString());
        CloudEvent event = new CloudEvent(
                CloudEvent.SPEC_VERSION,
                n.id.toString(),
                platform.serviceName(),
                EVENT_TYPE,
                n.milestoneAt.toInstant().toString(),
                n.referralId.toString(),
                "application/json",
                null,
                null,
                null,
                null,
                mapper.valueToTree(data));
        try {
            return mapper.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException("a notice is not serialisable", e);
        }
    }

    private String post(PartnerWebhook hook, Notice n) {
        String body = body(n);
        long timestamp = clock.instant().getEpochSecond();
        List<String> secrets = new ArrayList<>();
        secrets.add(hook.secret);
        if (hook.previousSecret != null
                && hook.previousUntil != null
                && hook.previousUntil.toInstant().isAfter(clock.instant())) {
            secrets.add(hook.previousSecret);
        }
        // The notice id is the webhook id on every attempt, so the partner recognises a repeat (Standard Webhooks).
        String id = n.id.toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(hook.url))
                .timeout(config.notices().timeout())
                .header("content-type", "application/cloudevents+json; charset=utf-8")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", StandardWebhooks.signature(secrets, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> response = http().send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "the endpoint answered HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return brief(e);
        }
    }

    private String mail(String to, Notice n) {
        try {
            mailer.send(Mail.withText(to, subject(n), text(n)));
            return null;
        } catch (Exception e) {
            return brief(e);
        }
    }

    /** R-REF-1: the subject and text name the referral, the milestone and its time, nothing about the client. */
    static String subject(Notice n) {
        return "Referral " + n.referralId + ": " + words(n);
    }

    static String text(Notice n) {
        return "Referral " + n.referralId + "\n"
                + "Milestone: " + n.milestone.name() + " (" + words(n) + ")\n"
                + "At: " + n.milestoneAt.toInstant() + "\n\n"
                + "This is the written notice the referrer receives of this milestone (R-REF-1).\n"
                + "Nothing more about the client is shared without the client's permission.\n";
    }

    private static String words(Notice n) {
        return switch (n.milestone) {
            case INITIAL_MEETING_HELD -> "the initial meeting was held";
            case PRACTITIONER_ALLOCATED -> "a practitioner was allocated";
            case CONTACT_CEASED -> "contact has ended";
        };
    }

    private HttpClient http() {
        HttpClient c = http;
        if (c == null) {
            c = HttpClient.newBuilder()
                    .connectTimeout(config.notices().timeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            http = c;
        }
        return c;
    }

    /** What went wrong, in one line of at most 300 characters (kept on the row, shown to the partner). */
    private static String brief(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        String s = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        s = s.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) : s;
    }

    private record Attempt(Channel channel, String error) {}
}
