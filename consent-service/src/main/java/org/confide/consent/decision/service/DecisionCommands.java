package org.confide.consent.decision.service;

import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;

/** What a consent decision is asked for, as the service takes it; the Resource maps its DTO to one of these. */
public final class DecisionCommands {

    private DecisionCommands() {}

    /** May {@code category} go to {@code recipientType} (at {@code recipientOrgId}) for {@code purpose}, for one client (R-CONF-1). */
    public record ForClient(
            String clientId, RecipientType recipientType, String recipientOrgId, Category category, Purpose purpose) {}

    /** The same question for a group's or network's matter (R-CONF-3). */
    public record ForGroup(
            String groupId, RecipientType recipientType, String recipientOrgId, Category category, Purpose purpose) {}
}
