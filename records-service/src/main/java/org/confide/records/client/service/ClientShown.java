package org.confide.records.client.service;

import java.time.OffsetDateTime;
import org.confide.records.client.Client;
import org.confide.records.client.Identity;

/** A client as staff see it: the row, its identity opened (null when destroyed or anonymous) and its retention end. */
public record ClientShown(Client client, Identity identity, OffsetDateTime retainUntil) {}
