package org.confide.disclosure.partner.service;

import org.confide.disclosure.cases.Advice;
import org.confide.disclosure.partner.PartnerDecisionKind;

/** What PartnerDecisionService takes (the resource maps its JSON bodies to these). */
public final class PartnerCommands {

    private PartnerCommands() {}

    /** R-REF-2: a major decision put to the supporting organisations. */
    public record Propose(PartnerDecisionKind kind, String subject, String invitedOrg) {}

    /**
     * A representative's answer: {@code orgId} and {@code representativeId} are named by a manager recording it on their
     * behalf; a partner answers for its own organisation, as itself.
     */
    public record Answer(Advice advice, String orgId, String representativeId) {}
}
