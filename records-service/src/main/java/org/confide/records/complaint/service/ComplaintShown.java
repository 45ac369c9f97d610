package org.confide.records.complaint.service;

import java.util.List;
import org.confide.records.complaint.Complaint;
import org.confide.records.complaint.OutsideBody;

/**
 * A complaint as it is answered (R-COMP-1): the row, its text opened (null once destroyed with the client's key,
 * R-REC-3), who handles it and the outside bodies the organisation lists.
 */
public record ComplaintShown(Complaint complaint, String text, String routedTo, List<OutsideBody> outsideBodies) {}
