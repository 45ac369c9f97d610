package org.confide.records.group;

/** A peer support group (seed 000) or a network meeting (seed 001); API.md. */
public enum GroupKind {
    PEER_GROUP, NETWORK
}
