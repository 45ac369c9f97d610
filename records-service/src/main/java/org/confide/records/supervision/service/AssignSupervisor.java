package org.confide.records.supervision.service;

/** A manager's consent that this practitioner takes their work to this supervisor (R-CONF-5); both are token subs. */
public record AssignSupervisor(String supervisorId, String practitionerId) {}
