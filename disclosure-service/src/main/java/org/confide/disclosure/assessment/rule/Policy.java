package org.confide.disclosure.assessment.rule;

import java.util.List;

/**
 * An organisation's disclosure policy, one version of it (docs/api.md {@code GET /policy}).
 *
 * @param requireImminenceForRiskToSelf R-BRK-6: only an IMMEDIATE risk to self justifies a breach (seed 003); when false,
 *                                      serious and chronic serious risk count too (seed 004)
 * @param requireConsultation           R-PROC-2: a consultation must be recorded before approval
 * @param partnerApprovalOrgs           R-REF-2: organisations one of whose representatives must support an approval
 * @param allowEmergencyBeforeApproval  R-PROC-2: with IMMEDIATE risk a share may go first and be decided afterwards
 */
public record Policy(
        boolean requireImminenceForRiskToSelf,
        boolean requireConsultation,
        List<String> partnerApprovalOrgs,
        boolean allowEmergencyBeforeApproval) {

    /** What an organisation that never set a policy gets (version 0). */
    public static final Policy DEFAULT = new Policy(false, true, List.of(), true);

    public Policy {
        partnerApprovalOrgs = partnerApprovalOrgs == null ? List.of() : List.copyOf(partnerApprovalOrgs);
    }
}
