package org.confide.disclosure.cases.service;

import java.util.List;
import org.confide.disclosure.cases.Advice;
import org.confide.disclosure.cases.ConsultedRole;
import org.confide.disclosure.cases.DecisionKind;
import org.confide.disclosure.cases.InvolvementResponse;
import org.confide.disclosure.cases.LawfulBasis;
import org.confide.disclosure.cases.ShareMethod;
import org.confide.events.codes.Category;
import org.confide.events.codes.RecipientType;

/** The steps of a case as CaseService takes them (issue 17: CaseResource maps its JSON bodies to these). */
public final class CaseCommands {

    private CaseCommands() {}

    /** R-PROC-1. */
    public record InvolveClient(boolean informed, InvolvementResponse response, String reason) {}

    /** R-PROC-2, R-REF-2. */
    public record Consult(ConsultedRole consultedRole, String consultedId, String orgId, Advice advice, String note) {}

    /** R-PROC-2. */
    public record Decide(DecisionKind decision, String rationale, LawfulBasis lawfulBasis) {}

    /** R-PROC-3; {@code emergency}: asked for on the emergency path (R-PROC-2). */
    public record Share(
            RecipientType recipientType,
            String recipientName,
            ShareMethod method,
            List<Category> categories,
            boolean emergency) {
        public Share {
            categories = List.copyOf(categories);
        }
    }

    /** R-PROC-1. */
    public record FollowUp(boolean supportOffered, boolean clientInformedOfOutcome, String note) {}
}
