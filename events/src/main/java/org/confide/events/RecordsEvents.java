package org.confide.events;

import java.time.Instant;
import java.util.List;

/**
 * records-service's events (docs/api.md "Events"). {@code client.registered}, {@code referral.received} and
 * {@code client.age-band-changed} carry the client's {@code ageBand} (org.confide.events.age.ConsentAgeBand), from which
 * consent-service applies R-CONS-6; the date of birth never leaves records-service. consent-service and disclosure-service keep their allocation copies
 * from {@code client.registered}, {@code referral.received}, {@code milestone.recorded}, {@code client.destroyed},
 * {@code group.created}, {@code group.facilitator-added}, {@code group.member-joined} and {@code group.member-left}.
 * Identity, notes, letters, reasons and aliases never leave records-service.
 */
@Topic(Topics.RECORDS)
public sealed interface RecordsEvents extends EventData {

    /**
     * A client was registered: by staff ({@code limitsExplained} true, R-REC-5) or as an anonymous group member
     * ({@code anonymous} true, R-CONF-4); a registering practitioner is allocated.
     */
    @Type("client.registered")
    record ClientRegistered(
            @Id String clientId,
            @Code String programme,
            @Code String status,
            @Id @Nullable String allocatedPractitionerId,
            @Nullable Boolean limitsExplained,
            @Nullable Boolean anonymous,
            @RuleId String rule,
            @Code @Nullable String ageBand)
            implements RecordsEvents {

        /** Without an age band (absent: the consumer reads it as {@code UNKNOWN}). */
        public ClientRegistered(
                String clientId,
                String programme,
                String status,
                String allocatedPractitionerId,
                Boolean limitsExplained,
                Boolean anonymous,
                String rule) {
            this(clientId, programme, status, allocatedPractitionerId, limitsExplained, anonymous, rule, null);
        }
    }

    /**
     * A partner's referral (R-REF-1); under the provider's organisation, the client REFERRED and unallocated;
     * {@code ageBand} as in {@code client.registered}.
     */
    @Type("referral.received")
    record ReferralReceived(
            @Id String clientId,
            @Id String referralId,
            @Id String referrerOrg,
            @Code String programme,
            @Code @Nullable String ageBand)
            implements RecordsEvents {

        /** Without an age band (absent: the consumer reads it as {@code UNKNOWN}). */
        public ReferralReceived(String clientId, String referralId, String referrerOrg, String programme) {
            this(clientId, referralId, referrerOrg, programme, null);
        }
    }

    /** A milestone of the client ({@code type}); {@code practitionerId} for PRACTITIONER_ALLOCATED; the client's new status. */
    @Type("milestone.recorded")
    record MilestoneRecorded(
            @Id String clientId,
            @Id String milestoneId,
            @Code String type,
            @Id @Nullable String practitionerId,
            @Code String status)
            implements RecordsEvents {}

    /**
     * The referrer's written notice of a milestone (R-REF-1): written with the milestone ({@code channel} and
     * {@code outcome} absent), then once per delivery attempt, {@code channel} {@code WEBHOOK} or {@code EMAIL} and
     * {@code outcome} {@code DELIVERED}, {@code FAILED} (retried later) or {@code PARKED} (retries given up).
     */
    @Type("referrer.notified")
    record ReferrerNotified(
            @Id String clientId,
            @Id String referralId,
            @Id String referrerOrg,
            @Id String notificationId,
            @Code String type,
            @RuleId String rule,
            @Code @Nullable String channel,
            @Code @Nullable String outcome)
            implements RecordsEvents {

        /** The notice as written with its milestone, before any delivery. */
        public ReferrerNotified(
                String clientId,
                String referralId,
                String referrerOrg,
                String notificationId,
                String type,
                String rule) {
            this(clientId, referralId, referrerOrg, notificationId, type, rule, null, null);
        }
    }

    /** A note was written ({@code kind}; SUPERVISION for de-identified supervision material, R-CONF-2). */
    @Type("note.written")
    record NoteWritten(
            @Id String clientId,
            @Id String noteId,
            @Code String kind,
            @RuleId @Nullable String rule) implements RecordsEvents {}

    /** Client data was read ({@code resource}: client, notes) for {@code purposeOfUse}. */
    @Type("record.accessed")
    record RecordAccessed(
            @Id String clientId,
            @Code String purposeOfUse,
            @Code String resource) implements RecordsEvents {}

    /** A supervisor's de-identified view (R-CONF-2). */
    @Type("supervision.viewed")
    record SupervisionViewed(
            @Id String clientId,
            @Code String purposeOfUse,
            @RuleId String rule) implements RecordsEvents {}

    /** A letter on the client's behalf was drafted (R-CONS-3). */
    @Type("letter.drafted")
    record LetterDrafted(
            @Id String clientId,
            @Id String letterId,
            @Code String status,
            @RuleId String rule) implements RecordsEvents {}

    /** The client approved ({@code approved} true) or rejected the letter (R-CONS-3). */
    @Type("letter.approved")
    record LetterApproved(
            @Id String clientId,
            @Id String letterId,
            @Code String status,
            boolean approved,
            @RuleId String rule) implements RecordsEvents {}

    /** An approved letter was sent (R-CONS-3). */
    @Type("letter.sent")
    record LetterSent(
            @Id String clientId,
            @Id String letterId,
            @Code String status,
            @RuleId String rule) implements RecordsEvents {}

    /** The client read their own file (R-REC-2). */
    @Type("file.accessed")
    record FileAccessed(
            @Id String clientId,
            @Code String purposeOfUse,
            @RuleId String rule) implements RecordsEvents {}

    /** Destruction was suspended (R-REC-4); the reason stays in records-service. */
    @Type("legal-hold.set")
    record LegalHoldSet(@Id String clientId, @RuleId String rule) implements RecordsEvents {}

    /** The legal hold was released (R-REC-4). */
    @Type("legal-hold.released")
    record LegalHoldReleased(@Id String clientId, @RuleId String rule) implements RecordsEvents {}

    /** The client's record was destroyed at the end of retention (R-REC-3); every service destroys its copies. */
    @Type("client.destroyed")
    record ClientDestroyed(
            @Id String clientId,
            Instant destroyedAt,
            @RuleId String rule) implements RecordsEvents {}

    /** A group or network was created; keyed by the group. */
    @Type(value = "group.created", key = Key.GROUP)
    record GroupCreated(
            @Id String groupId,
            @Code String kind,
            @Code String programme,
            @Id List<String> facilitatorIds) implements RecordsEvents {}

    /** A manager allocated another practitioner to a group as its facilitator (R-REC-1: they now work with its members); keyed by the group. */
    @Type(value = "group.facilitator-added", key = Key.GROUP)
    record GroupFacilitatorAdded(@Id String groupId, @Id String practitionerId) implements RecordsEvents {}

    /** A client joined a group (R-CONF-3), anonymously or not (R-CONF-4); keyed by the client, in order with its other events. */
    @Type("group.member-joined")
    record GroupMemberJoined(
            @Id String groupId, @Id String memberId, @Id String clientId, boolean anonymous) implements RecordsEvents {}

    /** A member left the group (or its client was destroyed); keyed by the client. */
    @Type("group.member-left")
    record GroupMemberLeft(
            @Id String groupId, @Id String memberId, @Id String clientId) implements RecordsEvents {}

    /** A group session with its attendance (member ids and a count); keyed by the group. */
    @Type(value = "group.session-recorded", key = Key.GROUP)
    record GroupSessionRecorded(
            @Id String groupId,
            @Id String sessionId,
            int attendeeCount,
            @Id List<String> attendeeIds) implements RecordsEvents {}
    /** A manager assigned a supervisor to a practitioner (R-CONF-5): the supervisor may now see that practitioner's told clients; keyed by the organisation. */
    @Type(value = "supervision.agreement-assigned", key = Key.ORGANISATION)
    record SupervisionAgreementAssigned(
            @Id String agreementId,
            @Id String supervisorId,
            @Id String practitionerId,
            @RuleId String rule) implements RecordsEvents {}

    /** A manager ended a supervision agreement (R-CONF-5); keyed by the organisation. */
    @Type(value = "supervision.agreement-ended", key = Key.ORGANISATION)
    record SupervisionAgreementEnded(
            @Id String agreementId,
            @Id String supervisorId,
            @Id String practitionerId,
            @RuleId String rule) implements RecordsEvents {}

    /** It was recorded that the client was told their work may be taken to supervision (R-CONF-5). */
    @Type("client.supervision-explained")
    record ClientSupervisionExplained(
            @Id String clientId, @RuleId String rule) implements RecordsEvents {}

    /** The version of the confidentiality statement explained to the client at intake (R-REC-6, R-REC-5). */
    @Type("client.statement-explained")
    record ClientStatementExplained(
            @Id String clientId,
            int statementVersion,
            @RuleId String rule) implements RecordsEvents {}

    /** An admin published a version of the organisation's confidentiality statement (R-REC-6); the text stays in records-service. */
    @Type(value = "statement.published", key = Key.ORGANISATION)
    record StatementPublished(int version, @RuleId String rule) implements RecordsEvents {}

    /** A member of staff (the event's actor) acknowledged this version of the statement (R-REC-6); keyed by the organisation. */
    @Type(value = "statement.acknowledged", key = Key.ORGANISATION)
    record StatementAcknowledged(int version, @RuleId String rule) implements RecordsEvents {}

    /**
     * R-SAFE-1: a member was asked to leave a session (under the influence, in extreme distress, anger or threats), by a
     * reason code only, never what was said; keyed by the client.
     */
    @Type("group.member-asked-to-leave")
    record GroupMemberAskedToLeave(
            @Id String groupId,
            @Id String sessionId,
            @Id String memberId,
            @Id String clientId,
            @Code String reason,
            @RuleId String rule)
            implements RecordsEvents {}

    /** R-SAFE-2: a facilitator ended a session for the members' safety and offered support to these members; keyed by the group. */
    @Type(value = "group.session-ended", key = Key.GROUP)
    record GroupSessionEnded(
            @Id String groupId,
            @Id String sessionId,
            @Code String reason,
            int supportOfferedCount,
            @Id List<String> supportOfferedTo,
            @RuleId String rule)
            implements RecordsEvents {}

    /**
     * A member was excluded from the group, by the members' decision (R-SAFE-2) or for behaviour that keeps causing
     * problems (R-SAFE-1); the client may not be re-added until a manager lifts it. Keyed by the client.
     */
    @Type("group.member-excluded")
    record GroupMemberExcluded(
            @Id String groupId,
            @Id String exclusionId,
            @Id String memberId,
            @Id String clientId,
            @Code String reason,
            @RuleId String rule)
            implements RecordsEvents {}

    /** A manager lifted an exclusion (R-SAFE-2): the client may be added to the group again; keyed by the client. */
    @Type("group.exclusion-lifted")
    record GroupExclusionLifted(
            @Id String groupId,
            @Id String exclusionId,
            @Id String clientId,
            @RuleId String rule) implements RecordsEvents {}

    /** R-COMP-1: a client filed a complaint about the work; its text never leaves records-service. Keyed by the client. */
    @Type("complaint.received")
    record ComplaintReceived(
            @Id String clientId,
            @Id String complaintId,
            @Code String status,
            @RuleId String rule) implements RecordsEvents {}

    /** R-COMP-1: the organisation's directors moved a complaint on (acknowledged, under review, an outcome); keyed by the client. */
    @Type("complaint.status-changed")
    record ComplaintStatusChanged(
            @Id String clientId,
            @Id String complaintId,
            @Code String status,
            @RuleId String rule) implements RecordsEvents {}

    /**
     * The client's age band changed (R-CONS-6): records-service's daily sweep saw an under-16 turn 16, or the date of
     * birth was changed. {@code ageBand}: a code of {@code org.confide.events.age.ConsentAgeBand}; never the date itself.
     */
    @Type("client.age-band-changed")
    record ClientAgeBandChanged(
            @Id String clientId,
            @Code String ageBand,
            @Code String previousAgeBand,
            @RuleId String rule) implements RecordsEvents {}
}
