package org.confide.disclosure.partner.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.disclosure.cases.Advice;
import org.confide.disclosure.partner.PartnerDecisionKind;
import org.confide.disclosure.partner.PartnerDecisionStatus;
import org.confide.disclosure.partner.PartnerSupport;
import org.confide.disclosure.partner.service.PartnerCommands;
import org.confide.disclosure.partner.service.PartnerDecisionService.Loaded;

/** The JSON shapes of partner decisions (docs/api.md disclosure-service, R-REF-2). */
public final class PartnerDecisionDtos {

    private PartnerDecisionDtos() {}

    /** {@code subject}: what is proposed, in a line (about the organisation, never a client). */
    public record ProposalBody(
            @NotNull PartnerDecisionKind kind,
            @NotBlank @Size(max = 500) String subject,
            @Size(max = 200) String invitedOrg) {}

    /** A partner answers for itself; a manager names the organisation and may name its representative. */
    public record SupportBody(
            @NotNull Advice advice,
            @Size(max = 200) String orgId,
            @Size(max = 200) String representativeId) {}

    public record SupportView(
            String orgId,
            Advice advice,
            String representativeId,
            String recordedBy,
            String recordedByRole,
            OffsetDateTime at) {}

    /** {@code missingOrgs}: required organisations whose latest answer is not SUPPORT; empty: it may take effect. */
    public record PartnerDecisionView(
            UUID id,
            String org,
            PartnerDecisionKind kind,
            String subject,
            String invitedOrg,
            PartnerDecisionStatus status,
            List<String> requiredOrgs,
            List<String> missingOrgs,
            List<SupportView> supports,
            int policyVersion,
            String proposedBy,
            OffsetDateTime proposedAt,
            String tookEffectBy,
            OffsetDateTime tookEffectAt) {}

    static PartnerCommands.Propose command(ProposalBody b) {
        return new PartnerCommands.Propose(b.kind(), b.subject(), b.invitedOrg());
    }

    static PartnerCommands.Answer command(SupportBody b) {
        return new PartnerCommands.Answer(b.advice(), b.orgId(), b.representativeId());
    }

    static PartnerDecisionView view(Loaded l) {
        var d = l.d();
        return new PartnerDecisionView(
                d.id,
                d.org,
                d.kind,
                d.subject,
                d.invitedOrg,
                d.status,
                l.required(),
                l.missing(),
                l.supports().stream().map(PartnerDecisionDtos::view).toList(),
                d.policyVersion,
                d.proposedBy,
                d.proposedAt,
                d.tookEffectBy,
                d.tookEffectAt);
    }

    private static SupportView view(PartnerSupport s) {
        return new SupportView(s.partnerOrg, s.advice, s.representativeId, s.recordedBy, s.recordedByRole, s.at);
    }
}
