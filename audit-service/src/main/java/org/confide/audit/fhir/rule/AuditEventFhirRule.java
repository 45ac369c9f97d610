package org.confide.audit.fhir.rule;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.confide.platform.fhir.Fhir;
import org.confide.platform.fhir.Fhir.CodeableConcept;
import org.confide.platform.fhir.Fhir.Coding;

/**
 * An audit entry as a FHIR R4 AuditEvent (docs/api.md "FHIR R4"): type and subtype from the event type, the actor as
 * agent, the client as entity, and a second entity, the log entry itself, whose details are its {@code seq},
 * {@code hash} and {@code prevHash} and the canonical JSON the hash was taken over (docs/api.md "Hashing"), so that the
 * FHIR copy can be matched to, and checked against, the verifiable log. Ids and codes only, as the log holds.
 */
public final class AuditEventFhirRule {

    public static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    public static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    public static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    public static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    public static final String EVENT_TYPE_SYSTEM = Fhir.codeSystem("event-type");
    public static final String ROLE_SYSTEM = Fhir.codeSystem("role");
    public static final String PURPOSE_OF_USE_SYSTEM = Fhir.codeSystem("purpose-of-use");
    public static final String PURPOSE_SYSTEM = Fhir.codeSystem("purpose");
    /** The log entry's identifier: {@code <org>/<seq>} (seq is per organisation). */
    public static final String ENTRY_SYSTEM = "urn:confide:audit-entry";

    /** Events that send a client's information out of the organisation (DICOM "Export"). */
    static final Set<String> EXPORTS = Set.of("disclosure.shared", "letter.sent", "referrer.notified");

    /** A FHIR code: no leading, trailing or double whitespace. */
    private static final Pattern CODE = Pattern.compile("[^\\s]+( [^\\s]+)*");

    /** What one entry says, as served (times as RFC 3339 UTC), with its data as field → text. */
    public record Facts(
            long seq,
            String eventId,
            String type,
            String occurredAt,
            String recordedAt,
            String org,
            String actorId,
            String actorRole,
            String clientId,
            String correlationId,
            String source,
            Map<String, String> data,
            String prevHash,
            String hash,
            String canonical) {}

    public FhirAuditEvent toFhir(Facts f) {
        List<FhirAuditEvent.Detail> details = new ArrayList<>();
        details.add(text("seq", Long.toString(f.seq())));
        details.add(text("hash", f.hash()));
        details.add(text("prevHash", f.prevHash()));
        details.add(new FhirAuditEvent.Detail(
                "canonical",
                null,
                Base64.getEncoder().encodeToString(f.canonical().getBytes(StandardCharsets.UTF_8))));
        details.add(text("eventId", f.eventId()));
        details.add(text("correlationId", f.correlationId()));
        f.data().forEach((field, value) -> details.add(text("data." + field, value)));
        List<FhirAuditEvent.Entity> entities = new ArrayList<>();
        if (f.clientId() != null) {
            entities.add(new FhirAuditEvent.Entity(
                    Fhir.Reference.byIdentifier("Patient", Fhir.CLIENT_SYSTEM, f.clientId(), null),
                    new Coding(ENTITY_TYPE, "1", "Person"),
                    new Coding(OBJECT_ROLE, "1", "Patient"),
                    null,
                    null));
        }
        entities.add(new FhirAuditEvent.Entity(
                new Fhir.Reference(null, null, new Fhir.Identifier(ENTRY_SYSTEM, f.org() + "/" + f.seq()), null),
                new Coding(ENTITY_TYPE, "2", "System Object"),
                null,
                "The audit log entry this event copies; hash = SHA-256(prevHash || canonical)",
                details.stream().filter(d -> d != null).toList()));
        List<Coding> tags =
                f.correlationId() != null && CODE.matcher(f.correlationId()).matches()
                        ? List.of(new Coding(Fhir.CORRELATION_SYSTEM, f.correlationId(), null))
                        : List.of();
        List<CodeableConcept> purposes = new ArrayList<>();
        if (f.data().get("purposeOfUse") != null) {
            purposes.add(CodeableConcept.of(
                    new Coding(PURPOSE_OF_USE_SYSTEM, f.data().get("purposeOfUse"), null)));
        }
        if (f.data().get("purpose") != null) {
            purposes.add(CodeableConcept.of(new Coding(PURPOSE_SYSTEM, f.data().get("purpose"), null)));
        }
        return new FhirAuditEvent(
                Long.toString(f.seq()),
                new Fhir.Meta(f.recordedAt(), tags),
                Fhir.Narrative.generated("Audit entry " + f.seq() + ": " + f.type() + " by " + f.actorRole() + " at "
                        + f.occurredAt() + "."),
                type(f.type(), f.clientId() != null),
                List.of(new Coding(EVENT_TYPE_SYSTEM, f.type(), null)),
                action(f.type()),
                new Fhir.Period(f.occurredAt(), f.occurredAt()),
                f.recordedAt(),
                "0",
                purposes,
                List.of(new FhirAuditEvent.Agent(
                        f.actorRole() == null
                                ? List.of()
                                : List.of(CodeableConcept.of(new Coding(ROLE_SYSTEM, f.actorRole(), null))),
                        f.actorId() == null
                                ? null
                                : Fhir.Reference.byIdentifier(null, Fhir.SUBJECT_SYSTEM, f.actorId(), null),
                        !"service".equals(f.actorRole()))),
                new FhirAuditEvent.Source(
                        f.org(),
                        Fhir.Reference.byIdentifier("Device", Fhir.SERVICE_SYSTEM, f.source(), f.source()),
                        List.of(new Coding(SOURCE_TYPE, "4", "Application Server"))),
                entities);
    }

    /** DICOM audit event type: information leaving (Export), a client's record, or the service's own activity. */
    public static Coding type(String eventType, boolean aboutClient) {
        if (EXPORTS.contains(eventType)) return new Coding(DICOM, "110106", "Export");
        if (aboutClient) return new Coding(DICOM, "110110", "Patient Record");
        return new Coding(DICOM, "110100", "Application Activity");
    }

    /** FHIR audit-event-action: C create, R read, U update, D delete, E execute. */
    public static String action(String eventType) {
        if (eventType.equals("client.destroyed")) return "D";
        if (eventType.equals("consent.decided")) return "E";
        String verb = eventType.substring(eventType.indexOf('.') + 1);
        if (verb.endsWith("accessed") || verb.endsWith("viewed")) return "R";
        return switch (verb) {
            case "granted",
                    "registered",
                    "received",
                    "raised",
                    "created",
                    "drafted",
                    "written",
                    "recorded",
                    "proposed",
                    "published",
                    "assigned",
                    "member-joined",
                    "facilitator-added",
                    "session-recorded",
                    "assessed" -> "C";
            default -> "U";
        };
    }

    private static FhirAuditEvent.Detail text(String type, String value) {
        // FHIR strings are never empty: an absent or empty value is left out.
        return value == null || value.isEmpty() ? null : new FhirAuditEvent.Detail(type, value, null);
    }
}
