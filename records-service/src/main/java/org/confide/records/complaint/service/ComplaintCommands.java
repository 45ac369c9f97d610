package org.confide.records.complaint.service;

import java.util.List;
import org.confide.records.complaint.ComplaintStatus;
import org.confide.records.complaint.rule.ComplaintRule;

/** What ComplaintService is asked to do, apart from the HTTP shapes (the resources map their DTOs to these). */
public final class ComplaintCommands {

    private ComplaintCommands() {}

    /** R-COMP-1: the calling client's complaint, in their words. */
    public record FileComplaint(String text) {}

    /** R-COMP-1: a director moves the complaint on. */
    public record ChangeStatus(ComplaintStatus status) {}

    /** R-COMP-1: the organisation's outside bodies, replacing the list. */
    public record SetOutsideBodies(List<ComplaintRule.Body> outsideBodies) {}
}
