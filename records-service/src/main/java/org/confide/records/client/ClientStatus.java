package org.confide.records.client;

public enum ClientStatus {
    REFERRED,
    ACTIVE,
    CONTACT_CEASED,
    DESTROYED
}
