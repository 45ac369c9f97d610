package org.confide.records.notice;

/** How a written notice reaches the referrer (R-REF-1): its organisation's webhook, else the referrer's e-mail. */
public enum Channel {
    WEBHOOK,
    EMAIL
}
