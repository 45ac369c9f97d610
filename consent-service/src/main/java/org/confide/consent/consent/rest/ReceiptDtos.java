package org.confide.consent.consent.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.consent.consent.ConsentStatus;
import org.confide.consent.consent.Method;
import org.confide.consent.consent.rest.ConsentDtos.Recipient;
import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;

/**
 * A consent receipt shaped after the consent record of ISO/IEC TS 27560:2023: the record header (schema, record id,
 * PII principal, controller), the notice, the processing consented to (purposes, PII categories, recipients, legal
 * basis), how consent was collected, and its events (given, approved, refused, withdrawn, expired) with their states.
 * Actors appear by role only; withdrawal reasons and other free text are not part of a receipt.
 */
public final class ReceiptDtos {

    private ReceiptDtos() {}

    public static final String SCHEMA = "ISO/IEC TS 27560:2023 consent record (Confide profile 1)";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(
            String schemaVersion,
            UUID recordId,
            UUID receiptId,
            OffsetDateTime issuedAt,
            String piiPrincipalId,
            List<Controller> piiControllers,
            Notice notice,
            List<Processing> processing,
            String consentType,
            Method collectionMethod,
            OffsetDateTime validFrom,
            OffsetDateTime validUntil,
            ConsentStatus status,
            List<Event> events) {}

    public record Controller(String org) {}

    /** That the situation was explained (R-CONS-1) and where the evidence is kept. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Notice(boolean explained, String evidenceRef) {}

    public record Processing(
            List<Purpose> purposes, List<Category> piiCategories, List<Recipient> recipients, String legalBasis) {}

    /** {@code eventType}: GIVEN, APPROVED, REFUSED, WITHDRAWN or EXPIRED; {@code eventState}: the status it led to. */
    public record Event(OffsetDateTime eventTime, String eventType, ConsentStatus eventState, String eventByRole) {}
}
