package org.confide.records.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.confide.records.referral.MilestoneType;

/**
 * A referrer's written notice of a milestone (R-REF-1), written with the milestone and delivered afterwards: the
 * referral id, the milestone and its time, and the delivery's progress; nothing about the client.
 */
@Entity
@Table(name = "notice")
public class Notice extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The provider organisation, whose client it is. */
    @Column(nullable = false, updatable = false)
    public String org;

    @Column(name = "referrer_org", nullable = false, updatable = false)
    public String referrerOrg;

    @Column(name = "referral_id", nullable = false, updatable = false)
    public UUID referralId;

    /** Kept for the audit events of its delivery (their subject), never sent. */
    @Column(name = "client_id", nullable = false, updatable = false)
    public UUID clientId;

    @Column(name = "milestone_id", nullable = false, updatable = false)
    public UUID milestoneId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public MilestoneType milestone;

    @Column(name = "milestone_at", nullable = false, updatable = false)
    public OffsetDateTime milestoneAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NoticeStatus status;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
