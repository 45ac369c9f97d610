package org.confide.audit.fhir.rule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.confide.platform.fhir.Fhir;
import org.confide.platform.fhir.FhirResource;

/** A FHIR R4 AuditEvent as audit-service serves it (docs/api.md "FHIR R4"); the elements Confide fills. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"resourceType", "id"})
public record FhirAuditEvent(
        String id,
        Fhir.Meta meta,
        Fhir.Narrative text,
        Fhir.Coding type,
        List<Fhir.Coding> subtype,
        String action,
        Fhir.Period period,
        String recorded,
        String outcome,
        List<Fhir.CodeableConcept> purposeOfEvent,
        List<Agent> agent,
        Source source,
        List<Entity> entity)
        implements FhirResource {

    @Override
    @JsonProperty("resourceType")
    public String getResourceType() {
        return "AuditEvent";
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Agent(List<Fhir.CodeableConcept> role, Fhir.Reference who, boolean requestor) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Source(String site, Fhir.Reference observer, List<Fhir.Coding> type) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Entity(
            Fhir.Reference what, Fhir.Coding type, Fhir.Coding role, String description, List<Detail> detail) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Detail(String type, String valueString, String valueBase64Binary) {}
}
