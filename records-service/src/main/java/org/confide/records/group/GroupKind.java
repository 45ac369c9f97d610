package org.confide.records.group;

/** A peer support group (seed 000) or a network meeting (seed 001); docs/api.md. */
public enum GroupKind {
    PEER_GROUP,
    NETWORK
}
