package org.confide.records.referral.service;

import org.confide.records.referral.MilestoneType;

/**
 * A milestone of a client (R-REF-1); with INITIAL_MEETING_HELD, {@code limitsExplained} is the R-REC-5 record of a
 * referred client, with the statement version explained (R-REC-6) and whether they were told of supervision (R-CONF-5).
 */
public record RecordMilestone(
        MilestoneType type,
        String practitionerId,
        Boolean limitsExplained,
        Integer statementVersion,
        Boolean supervisionExplained) {}
