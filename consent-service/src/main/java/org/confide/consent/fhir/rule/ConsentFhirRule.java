package org.confide.consent.fhir.rule;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.confide.consent.consent.ConsentStatus;
import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;
import org.confide.platform.fhir.Fhir;
import org.confide.platform.fhir.Fhir.CodeableConcept;
import org.confide.platform.fhir.Fhir.Coding;

/**
 * A Confide consent as a FHIR R4 Consent (docs/api.md "FHIR R4"): a permit to disclose its categories to its recipient
 * for its purpose (R-CONS-1), over its period. A withdrawn or expired consent is {@code inactive} ("terminated") with
 * the period ending when it stopped (R-CONS-4); a refused one {@code rejected}, a pending one {@code proposed}
 * (R-CONS-2). Codes and ids only: the recipient's name, evidence and reasons stay out (they are sealed free text).
 */
public final class ConsentFhirRule {

    public static final String LOINC = "http://loinc.org";
    public static final String V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public static final String V3_ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    public static final String V3_PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    public static final String SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    public static final String ACTION = "http://terminology.hl7.org/CodeSystem/consentaction";
    public static final String PURPOSE_SYSTEM = Fhir.codeSystem("purpose");
    public static final String CATEGORY_SYSTEM = Fhir.codeSystem("category");
    /** The extension on provision.actor that carries the recipient type as Confide's code (docs/api.md). */
    public static final String RECIPIENT_TYPE_EXTENSION =
            "https://confide.example/fhir/StructureDefinition/recipient-type";

    /** The purposes a v3 PurposeOfUse code means; the others are told only in Confide's code system. */
    static final Map<Purpose, Coding> PURPOSE_OF_USE = Map.of(
            Purpose.CONTINUING_CARE, new Coding(V3_ACT_REASON, "TREAT", "treatment"),
            Purpose.REFERRAL_UPDATES, new Coding(V3_ACT_REASON, "COC", "coordination of care"),
            Purpose.SUPERVISION, new Coding(V3_ACT_REASON, "HOPERAT", "healthcare operations"),
            Purpose.TRAINING, new Coding(V3_ACT_REASON, "TRAIN", "training"));

    /** What one consent says, as this rule needs it (no entity, no framework type). */
    public record Facts(
            String id,
            String org,
            String clientId,
            RecipientType recipientType,
            String recipientOrgId,
            List<Category> categories,
            Purpose purpose,
            ConsentStatus effectiveStatus,
            Instant validFrom,
            Instant validUntil,
            Instant withdrawnAt,
            Instant createdAt,
            Instant updatedAt) {}

    public FhirConsent toFhir(Facts f) {
        String status = status(f.effectiveStatus());
        FhirConsent.Provision provision = new FhirConsent.Provision(
                "permit",
                new Fhir.Period(Fhir.instant(f.validFrom()), Fhir.instant(end(f))),
                List.of(new FhirConsent.Actor(
                        List.of(new Fhir.Extension(
                                RECIPIENT_TYPE_EXTENSION, f.recipientType().name(), null)),
                        CodeableConcept.of(new Coding(V3_PARTICIPATION, "IRCP", "information recipient")),
                        recipient(f.recipientType(), f.recipientOrgId()))),
                List.of(CodeableConcept.of(new Coding(ACTION, "disclose", "Disclose"))),
                purposes(f.purpose()),
                f.categories().stream()
                        .map(c -> new Coding(CATEGORY_SYSTEM, c.name(), null))
                        .toList());
        Fhir.Reference patient = Fhir.Reference.byIdentifier("Patient", Fhir.CLIENT_SYSTEM, f.clientId(), null);
        return new FhirConsent(
                f.id(),
                new Fhir.Meta(Fhir.instant(f.updatedAt()), null),
                Fhir.Narrative.generated("Consent (" + status + ", "
                        + f.effectiveStatus().name() + ") to disclose "
                        + String.join(
                                ", ", f.categories().stream().map(Enum::name).toList()) + " to "
                        + f.recipientType().name() + " for " + f.purpose().name() + "."),
                status,
                CodeableConcept.of(new Coding(SCOPE, "patient-privacy", "Privacy Consent")),
                List.of(CodeableConcept.of(
                        new Coding(LOINC, "64292-6", "Release of information consent"),
                        new Coding(V3_ACT_CODE, "IDSCL", "information disclosure"))),
                patient,
                Fhir.instant(f.createdAt()),
                List.of(patient),
                List.of(Fhir.Reference.byIdentifier("Organization", Fhir.ORG_SYSTEM, f.org(), null)),
                CodeableConcept.of(new Coding(V3_ACT_CODE, "OPTIN", "opt-in")),
                provision);
    }

    /** FHIR R4 consent-state-codes: draft | proposed | active | rejected | inactive | entered-in-error. */
    public static String status(ConsentStatus effective) {
        return switch (effective) {
            case PENDING_APPROVAL -> "proposed";
            case ACTIVE -> "active";
            case REFUSED -> "rejected";
            case WITHDRAWN, EXPIRED -> "inactive";
        };
    }

    /** When the permit stops: its withdrawal, else its end date (an expired consent's end has passed). */
    static Instant end(Facts f) {
        if (f.effectiveStatus() == ConsentStatus.WITHDRAWN && f.withdrawnAt() != null) return f.withdrawnAt();
        return f.validUntil();
    }

    /** Confide's code always (exact), and the v3 PurposeOfUse code where one means the same. */
    static List<Coding> purposes(Purpose p) {
        Coding own = new Coding(PURPOSE_SYSTEM, p.name(), null);
        Coding v3 = PURPOSE_OF_USE.get(p);
        return v3 == null ? List.of(own) : List.of(own, v3);
    }

    /** The recipient by type (a person, a family, or an organisation, named by its Confide org id when given). */
    static Fhir.Reference recipient(RecipientType type, String orgId) {
        String resource = switch (type) {
            case FAMILY, NAMED_PERSON -> "RelatedPerson";
            case SUPERVISOR -> "Practitioner";
            default -> "Organization";
        };
        Fhir.Identifier id = orgId == null ? null : new Fhir.Identifier(Fhir.ORG_SYSTEM, orgId);
        return new Fhir.Reference(null, resource, id, type.name());
    }
}
