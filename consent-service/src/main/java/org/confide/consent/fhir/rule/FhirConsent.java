package org.confide.consent.fhir.rule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.confide.platform.fhir.Fhir;
import org.confide.platform.fhir.FhirResource;

/** A FHIR R4 Consent as consent-service serves it (docs/api.md "FHIR R4"); the elements Confide fills, in order. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"resourceType", "id"})
public record FhirConsent(
        String id,
        Fhir.Meta meta,
        Fhir.Narrative text,
        String status,
        Fhir.CodeableConcept scope,
        List<Fhir.CodeableConcept> category,
        Fhir.Reference patient,
        String dateTime,
        List<Fhir.Reference> performer,
        List<Fhir.Reference> organization,
        Fhir.CodeableConcept policyRule,
        Provision provision)
        implements FhirResource {

    @Override
    @JsonProperty("resourceType")
    public String getResourceType() {
        return "Consent";
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Provision(
            String type,
            Fhir.Period period,
            List<Actor> actor,
            List<Fhir.CodeableConcept> action,
            List<Fhir.Coding> purpose,
            @JsonProperty("class") List<Fhir.Coding> dataClass) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Actor(List<Fhir.Extension> extension, Fhir.CodeableConcept role, Fhir.Reference reference) {}
}
