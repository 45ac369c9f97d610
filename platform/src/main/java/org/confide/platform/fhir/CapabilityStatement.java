package org.confide.platform.fhir;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What a service's FHIR endpoint serves, as a FHIR R4 CapabilityStatement (kind {@code instance}): built from the
 * resources each service lists, so it says exactly what is served and nothing more (docs/api.md "FHIR R4").
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"resourceType", "id", "text", "url", "name", "title", "status", "date", "publisher", "kind"})
public record CapabilityStatement(
        String id,
        Fhir.Narrative text,
        String name,
        String title,
        String status,
        String date,
        String publisher,
        String description,
        String kind,
        Software software,
        Implementation implementation,
        String fhirVersion,
        List<String> format,
        List<Rest> rest) {

    /** When this statement's content last changed (with the endpoints it describes). */
    public static final String DATE = "2026-12-03";

    @JsonProperty("resourceType")
    public String getResourceType() {
        return "CapabilityStatement";
    }

    public record Software(String name) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Implementation(String description, String url) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Rest(String mode, String documentation, Security security, List<Resource> resource) {}

    public record Security(boolean cors, String description) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Resource(
            String type,
            String documentation,
            List<Interaction> interaction,
            String versioning,
            boolean readHistory,
            boolean updateCreate,
            List<SearchParam> searchParam) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Interaction(String code, String documentation) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SearchParam(String name, String definition, String type, String documentation) {}

    /** A read-only resource type: {@code read} when {@code readDoc} is given, {@code search-type} with its parameters. */
    public static Resource readOnly(
            String type, String documentation, String readDoc, String searchDoc, List<SearchParam> params) {
        List<Interaction> interactions = readDoc == null
                ? List.of(new Interaction("search-type", searchDoc))
                : List.of(new Interaction("read", readDoc), new Interaction("search-type", searchDoc));
        return new Resource(type, documentation, interactions, "no-version", false, false, params);
    }

    /** The statement of one service at {@code base} (the absolute URL of its {@code /fhir/r4}). */
    public static CapabilityStatement of(String service, String base, String description, List<Resource> resources) {
        String name = "Confide"
                + java.util.Arrays.stream(service.split("-"))
                        .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                        .reduce("", String::concat);
        return new CapabilityStatement(
                service,
                Fhir.Narrative.generated("Confide " + service + ": " + description),
                name,
                "Confide " + service + " FHIR R4 endpoint",
                "active",
                DATE,
                "Confide",
                description,
                "instance",
                new Software("Confide " + service),
                new Implementation("Confide " + service + ", read-only FHIR R4 views", base),
                Fhir.FHIR_VERSION,
                List.of("json"),
                List.of(new Rest(
                        "server",
                        "Read-only. Errors are OperationOutcome resources. Paging: _count (1 to 500, default 50) and"
                                + " the Bundle's next link.",
                        new Security(
                                false,
                                "Authorization: Bearer, a JWT (RS256) with the caller's role in groups and organisation"
                                        + " in org; a resource of another organisation is not found."),
                        resources)));
    }
}
