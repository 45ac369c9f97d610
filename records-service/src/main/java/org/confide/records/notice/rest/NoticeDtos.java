package org.confide.records.notice.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.confide.records.notice.Channel;
import org.confide.records.notice.Notice;
import org.confide.records.notice.NoticeStatus;
import org.confide.records.notice.PartnerWebhook;
import org.confide.records.referral.MilestoneType;

/** The HTTP shapes of notices and webhooks (docs/api.md "Notices and partner webhooks"). */
public final class NoticeDtos {

    private NoticeDtos() {}

    /** {@code url}: https (http://127.0.0.1 only where the setting allows it, dev and test). */
    public record WebhookRegistration(
            @NotBlank @Size(max = 2000) String url) {}

    /** {@code secret} only in the answer that made it (registration, rotation): it is shown once. */
    public record WebhookView(
            String partnerOrg,
            String url,
            String secret,
            OffsetDateTime registeredAt,
            OffsetDateTime rotatedAt,
            OffsetDateTime previousSecretValidUntil) {

        static WebhookView of(PartnerWebhook w, boolean withSecret) {
            return new WebhookView(
                    w.partnerOrg, w.url, withSecret ? w.secret : null, w.registeredAt, w.rotatedAt, w.previousUntil);
        }
    }

    /**
     * A notice and its delivery: the referral, the milestone and its time (R-REF-1), where it went and how it went.
     * {@code referrerOrg} is shown to the provider's admin; to the partner it is its own.
     */
    public record Delivery(
            UUID id,
            UUID referralId,
            String referrerOrg,
            MilestoneType milestone,
            OffsetDateTime at,
            NoticeStatus status,
            Channel channel,
            int attempts,
            OffsetDateTime lastAttemptAt,
            OffsetDateTime nextAttemptAt,
            OffsetDateTime deliveredAt,
            String lastError) {

        static Delivery of(Notice n) {
            return new Delivery(
                    n.id,
                    n.referralId,
                    n.referrerOrg,
                    n.milestone,
                    n.milestoneAt,
                    n.status,
                    n.channel,
                    n.attempts,
                    n.lastAttemptAt,
                    n.status == NoticeStatus.PENDING ? n.nextAttemptAt : null,
                    n.deliveredAt,
                    n.lastError);
        }
    }
}
