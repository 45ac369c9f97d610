package org.confide.platform.fhir;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import org.confide.platform.problem.Problem;
import org.confide.platform.problem.Violation;

/**
 * An error on a {@code /fhir/} path, in the form FHIR clients read (docs/api.md "FHIR R4"): the problem+json of every
 * other path, told as a FHIR R4 OperationOutcome. One issue for the problem, one per bad field (its
 * {@code expression}); the rule id that refused it is a coding of the first issue's {@code details}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"resourceType", "text", "issue"})
public record OperationOutcome(Fhir.Narrative text, List<Issue> issue) {

    public static final String RULE_SYSTEM = Fhir.codeSystem("rule");

    @JsonProperty("resourceType")
    public String getResourceType() {
        return "OperationOutcome";
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Issue(
            String severity, String code, Fhir.CodeableConcept details, String diagnostics, List<String> expression) {}

    public static OperationOutcome of(Problem p) {
        String code = issueType(p.status());
        List<Fhir.Coding> rule = p.rule() == null ? List.of() : List.of(new Fhir.Coding(RULE_SYSTEM, p.rule(), null));
        String text = p.correlationId() == null ? p.title() : p.title() + " (correlation id " + p.correlationId() + ")";
        List<Issue> issues = new ArrayList<>();
        issues.add(new Issue(
                p.status() >= 500 ? "fatal" : "error", code, new Fhir.CodeableConcept(rule, text), p.detail(), null));
        if (p.violations() != null) {
            for (Violation v : p.violations()) {
                issues.add(new Issue("error", code, null, v.message(), List.of(v.field())));
            }
        }
        return new OperationOutcome(Fhir.Narrative.generated(p.status() + " " + p.title() + ": " + p.detail()), issues);
    }

    /** The FHIR IssueType (http://hl7.org/fhir/issue-type) of an HTTP status. */
    static String issueType(int status) {
        return switch (status) {
            case 400 -> "invalid";
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405, 406, 415 -> "not-supported";
            case 409 -> "conflict";
            case 413, 414, 431 -> "too-long";
            case 422 -> "business-rule";
            case 503 -> "transient";
            default -> status >= 500 ? "exception" : "processing";
        };
    }
}
