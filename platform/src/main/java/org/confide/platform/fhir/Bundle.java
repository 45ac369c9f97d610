package org.confide.platform.fhir;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A FHIR R4 searchset Bundle: one page of matches, with {@code self} and (unless last) {@code next} links. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"resourceType", "type", "total", "link", "entry"})
public record Bundle(String type, Integer total, List<Link> link, List<Entry> entry) {

    @JsonProperty("resourceType")
    public String getResourceType() {
        return "Bundle";
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Link(String relation, String url) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Entry(String fullUrl, Object resource, Search search) {}

    public record Search(String mode) {}

    /**
     * A page of matches, each at {@code <base>/<type>/<id>}; {@code total} null when counting would cost more than
     * the page (FHIR allows leaving it out).
     */
    public static Bundle searchset(
            String base, String self, String next, Integer total, List<? extends FhirResource> matches) {
        List<Link> links = next == null
                ? List.of(new Link("self", self))
                : List.of(new Link("self", self), new Link("next", next));
        List<Entry> entries = matches.stream()
                .map(r -> new Entry(base + "/" + r.getResourceType() + "/" + r.id(), r, new Search("match")))
                .toList();
        return new Bundle("searchset", total, links, entries);
    }
}
