package org.confide.records.client;

import java.time.LocalDate;

/** Who the client is: kept only sealed with the client's own data key (R-REC-3), never in an event. */
public record Identity(String fullName, LocalDate dateOfBirth, String email, String phone) {}
