package org.confide.records.notice;

/** Where a referrer's notice is: waiting for (another) delivery attempt, delivered, or parked after a day of failures. */
public enum NoticeStatus {
    PENDING,
    DELIVERED,
    PARKED
}
