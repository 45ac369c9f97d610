package org.confide.disclosure.assessment.service;

import java.util.List;
import org.confide.disclosure.assessment.AbuseTiming;
import org.confide.disclosure.assessment.AbuserRelationship;
import org.confide.disclosure.assessment.Context;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.Immediacy;
import org.confide.disclosure.assessment.SubstanceUse;
import org.confide.disclosure.assessment.rule.Concern;
import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;

/**
 * A concern as the services take it (issue 17: the resources map their JSON bodies to this; nothing here is REST's).
 * {@code context} and {@code summary} may be null for a dry run; raising a case requires them. The factors of R-BRK-2
 * ({@code chosenContact}), R-BRK-4 ({@code abuserRelationship}, {@code abuseTiming}) and R-BRK-13 ({@code substanceUse})
 * may each be null.
 */
public record ConcernCommand(
        String clientId,
        List<Ground> grounds,
        Immediacy immediacy,
        Context context,
        String summary,
        List<Recipient> proposedRecipients,
        List<Category> categories,
        Integer clientAge,
        Boolean gillickCompetent,
        Purpose purpose,
        String groupId,
        RecipientType chosenContact,
        AbuserRelationship abuserRelationship,
        AbuseTiming abuseTiming,
        SubstanceUse substanceUse) {

    public ConcernCommand {
        grounds = List.copyOf(grounds);
        proposedRecipients = List.copyOf(proposedRecipients);
        categories = List.copyOf(categories);
    }

    /** A proposed recipient; also the shape a case stores its recipients in ({@code name} sealed apart, R-REC-3). */
    public record Recipient(RecipientType type, String name, String orgId) {}

    /** The concern as the rules see it. */
    public Concern concern() {
        return new Concern(
                grounds,
                immediacy,
                clientAge,
                gillickCompetent,
                chosenContact,
                abuserRelationship,
                abuseTiming,
                substanceUse);
    }

    /** The purpose consent is asked with: SAFEGUARDING unless the concern names one. */
    public Purpose purposeOrDefault() {
        return purpose == null ? Purpose.SAFEGUARDING : purpose;
    }
}
