package org.confide.records.complaint;

/**
 * Where a complaint is (R-COMP-1; seed 004: first to the directors, who try to resolve it). RESOLVED, UPHELD and
 * NOT_UPHELD are outcomes and close it.
 */
public enum ComplaintStatus {
    /** Filed by the client; routed to the organisation's directors (managers). */
    RECEIVED,
    /** A director acknowledged it to the client. */
    ACKNOWLEDGED,
    /** The directors are looking into it. */
    UNDER_REVIEW,
    /** Settled with the client. */
    RESOLVED,
    /** Found justified. */
    UPHELD,
    /** Found not justified. */
    NOT_UPHELD;

    public boolean closed() {
        return this == RESOLVED || this == UPHELD || this == NOT_UPHELD;
    }
}
