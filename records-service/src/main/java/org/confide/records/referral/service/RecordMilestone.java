package org.confide.records.referral.service;

import org.confide.records.referral.MilestoneType;

/** A milestone of a client (R-REF-1); {@code limitsExplained} with INITIAL_MEETING_HELD is the R-REC-5 record. */
public record RecordMilestone(MilestoneType type, String practitionerId, Boolean limitsExplained) {
}
