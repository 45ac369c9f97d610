package org.confide.consent.consent;

/** How the client gave consent (R-CONS-1: signed preferred). */
public enum Method {
    WRITTEN_SIGNED,
    VERBAL,
    ELECTRONIC
}
