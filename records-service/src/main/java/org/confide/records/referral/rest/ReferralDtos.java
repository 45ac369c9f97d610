package org.confide.records.referral.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.records.client.Programme;
import org.confide.records.client.rest.ClientDtos.Identity;
import org.confide.records.referral.Milestone;
import org.confide.records.referral.MilestoneType;
import org.confide.records.referral.ReferralStatus;
import org.confide.records.referral.service.RecordMilestone;
import org.confide.records.referral.service.ReferClient;

/** The JSON shapes of referrals, partner notices and milestones (docs/api.md records-service). */
public final class ReferralDtos {

    private ReferralDtos() {}

    public record NewReferral(
            @NotBlank @Size(max = 200) String providerOrg,
            @NotNull @Valid Identity identity,
            @NotNull Programme programme,
            @NotBlank @Size(max = 4000) String reason,
            @Email @Size(max = 320) String referrerEmail) {

        public ReferClient toCommand() {
            return new ReferClient(
                    providerOrg,
                    identity.toIdentity(),
                    programme,
                    reason,
                    referrerEmail == null ? null : referrerEmail.strip());
        }
    }

    public record ReferralCreated(UUID id, ReferralStatus status, UUID clientId) {}

    /** R-REF-1: exactly these fields and no other (docs/api.md's one exception to "add fields freely"). */
    public record PartnerReferral(UUID id, ReferralStatus status, List<MilestoneAt> milestones) {}

    public record MilestoneAt(MilestoneType type, OffsetDateTime at) {}

    public record Notice(UUID id, UUID referralId, MilestoneType type, OffsetDateTime at) {}

    /** {@code limitsExplained}: at the initial meeting of a referred client, that the limits were explained (R-REC-5). */
    public record NewMilestone(
            @NotNull MilestoneType type,
            @Size(max = 200) String practitionerId,
            Boolean limitsExplained,
            Integer statementVersion,
            Boolean supervisionExplained) {

        public RecordMilestone toCommand() {
            return new RecordMilestone(type, practitionerId, limitsExplained, statementVersion, supervisionExplained);
        }
    }

    public record MilestoneView(UUID id, UUID clientId, MilestoneType type, String practitionerId, OffsetDateTime at) {

        public static MilestoneView of(Milestone m) {
            return new MilestoneView(m.id, m.clientId, m.type, m.practitionerId, m.at);
        }
    }
}
