package org.confide.events;

/**
 * The {@code data} of a Confide CloudEvent: one record per event type, each declared once in {@link ConsentEvents},
 * {@link DisclosureEvents} or {@link RecordsEvents}. Producers emit these records, consumers read them, and
 * audit-service keeps exactly their fields ({@link Events}). Ids, codes, rule ids, flags, counts and times only.
 */
public sealed interface EventData permits ConsentEvents, DisclosureEvents, RecordsEvents {}
