package org.confide.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * The HAPI FHIR validator against the base FHIR R4 profiles and terminologies it carries (docs/api.md "FHIR R4"): what
 * a health or care system would check of Confide's FHIR resources. Slow to start, so a test class makes one and
 * validates everything it receives with it. The modules that use it declare HAPI in test scope (it is optional here).
 */
public final class FhirValidation {

    private final FhirValidator validator;
    private int validated;
    private int warnings;
    private final Map<String, Integer> warningTexts = new TreeMap<>();

    public FhirValidation() {
        FhirContext context = FhirContext.forR4();
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context));
        validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
    }

    /** Validates one resource (a Bundle with its entries) given as JSON; fails naming every error. */
    public synchronized void requireValid(String json) {
        ValidationResult result = validator.validateWithResult(json);
        validated++;
        List<String> errors = new ArrayList<>();
        for (SingleValidationMessage m : result.getMessages()) {
            if (m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL) {
                errors.add(m.getLocationString() + ": " + m.getMessage());
            } else if (m.getSeverity() == ResultSeverityEnum.WARNING) {
                warnings++;
                // One line per kind of warning: without resource ids, indexes or the codes that prompted it.
                String where =
                        m.getLocationString().replaceAll("/\\*[^*]*\\*/", "").replaceAll("\\[\\d+]", "[n]");
                String what = m.getMessage()
                        .replaceAll("'[^']*#[^']*'", "'…'")
                        .replaceAll("\\([^()]*#[^()]*\\)", "(…)")
                        .replaceAll("\\(error message = .*", "");
                warningTexts.merge(where + ": " + what.strip(), 1, Integer::sum);
            }
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("FHIR R4 validation errors:\n  " + String.join("\n  ", errors) + "\nin " + json);
        }
    }

    /** One line for the test log: how many were validated, with no error, and the warnings seen. */
    public synchronized String summary() {
        StringBuilder s = new StringBuilder(
                "FHIR R4 validation: " + validated + " resources validated, 0 errors, " + warnings + " warnings");
        warningTexts.forEach(
                (text, n) -> s.append("\n  warning x").append(n).append(": ").append(text));
        return s.toString();
    }

    public synchronized int validated() {
        return validated;
    }
}
