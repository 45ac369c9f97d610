package org.confide.consent.capacity.service;

import org.confide.consent.capacity.AssessmentKind;
import org.confide.consent.capacity.Matter;

/**
 * What an assessor records about a client's capacity (R-CONS-5) or competence (R-CONS-6) for one matter; the Resource
 * maps its DTO to this. The explanations are required when capacity is found lacking (R-CONS-6).
 */
public record AssessCapacity(
        String clientId,
        Matter matter,
        AssessmentKind kind,
        boolean hasCapacity,
        String reasons,
        String explanationToPerson,
        Boolean hasSignificantOther,
        String explanationToSignificantOther) {

    /** A capacity assessment without the R-CONS-6 fields. */
    public AssessCapacity(String clientId, Matter matter, boolean hasCapacity, String reasons) {
        this(clientId, matter, AssessmentKind.CAPACITY, hasCapacity, reasons, null, null, null);
    }
}
