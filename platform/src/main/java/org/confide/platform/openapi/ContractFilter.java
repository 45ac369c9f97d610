package org.confide.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.confide.platform.idempotency.Idempotent;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes each service's OpenAPI document say what the service really does (docs/api.md "OpenAPI"), from the code:
 * every error response carries the Problem schema as {@code application/problem+json}; 401 and 403 on every secured
 * operation, 404 where the path names an id, 400 where there is input; the {@code X-Correlation-Id} header on every
 * operation and response and {@code Idempotency-Key} on every {@link Idempotent} one; the roles of
 * {@link RolesAllowed} and the rule ids of the declared 409/422 responses in each description; and an
 * {@code operationId} of the resource's noun and the method's name ({@code consentGrant}).
 *
 * <p>Operation ids arrive as {@code package.Class_method} (the PACKAGE_CLASS_METHOD strategy) so that this filter can
 * read the resource method's annotations; it then replaces them with the short form.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String CORRELATION_ID = "X-Correlation-Id";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    static final String OPERATION_OUTCOME = "OperationOutcome";
    private static final String OPERATION_OUTCOME_REF = "#/components/schemas/" + OPERATION_OUTCOME;
    /** ProblemMappers answers errors under these paths as FHIR OperationOutcome (docs/api.md "FHIR R4"). */
    static final String FHIR_PATHS = "/fhir/";

    static final String FHIR_JSON = "application/fhir+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components =
                openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema("Violation", violationSchema());
        components.addSchema(PROBLEM, problemSchema());
        components.addParameter(
                CORRELATION_ID,
                OASFactory.createParameter()
                        .name(CORRELATION_ID)
                        .in(Parameter.In.HEADER)
                        .required(false)
                        .description(
                                "Ties this request to its log lines, events and audit entries; one is made when absent.")
                        .schema(OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(128)));
        components.addHeader(
                CORRELATION_ID,
                OASFactory.createHeader()
                        .description("The request's correlation id (the one sent, or the one made).")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        // Relative: one document serves every deployment, and a client generated from it is given its base URL.
        openAPI.setServers(List.of(
                OASFactory.createServer().url("/").description("This service, at the address it was fetched from")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;

        Map<String, String> ids = new TreeMap<>();
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getKey().startsWith("/q/")) continue;
            for (Map.Entry<PathItem.HttpMethod, Operation> op :
                    path.getValue().getOperations().entrySet()) {
                Operation operation = op.getValue();
                Method method = javaMethod(operation.getOperationId());
                complete(path.getKey(), operation, method);
                String id = shortId(operation.getOperationId());
                // Users find operations by what they are about (Consents, Audit trail), never by class name.
                if (operation.getTags() == null || operation.getTags().isEmpty()) {
                    throw new IllegalStateException(id + " has no @Tag: tag its resource class");
                }
                String where = op.getKey() + " " + path.getKey();
                // A generator names its functions after these: two alike would collide in every client.
                String before = ids.put(id, where);
                if (before != null) {
                    throw new IllegalStateException("two operations would have the id " + id + ": " + before + " and "
                            + where + "; rename one resource method");
                }
                operation.setOperationId(id);
            }
        }
        // Declared only where some operation honours it: an unused component misleads a reader.
        if (idempotent) components.addParameter(IDEMPOTENCY_KEY, idempotencyKey());
        if (fhir) components.addSchema(OPERATION_OUTCOME, operationOutcomeSchema());
    }

    private boolean idempotent;
    private boolean fhir;

    private void complete(String path, Operation operation, Method method) {
        APIResponses responses =
                operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean secured = method == null || !isPermitAll(method);
        boolean idempotentRoute = method != null && method.isAnnotationPresent(Idempotent.class);
        if (!secured) {
            // Said outright: this operation takes no token (an absent list would read as "not documented").
            operation.setSecurity(new ArrayList<>());
        }
        if (secured) {
            ensure(responses, "401", "No token, or a token that is expired, forged or of another issuer or audience.");
            ensure(responses, "403", "The token's role may not do this.");
        }
        if (path.contains("{")) ensure(responses, "404", "No such resource in the caller's organisation.");
        boolean input = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (input) ensure(responses, "400", "Malformed input: the problem names the field.");
        if (operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> p.getIn() == Parameter.In.QUERY
                                && p.getName() != null
                                && p.getName().endsWith("Id"))) {
            ensure(responses, "404", "The id given is of nothing in the caller's organisation.");
        }
        if (operation.getRequestBody() != null) {
            ensure(responses, "413", "A body over 64 KiB.");
            ensure(responses, "415", "A body that is not application/json.");
            ensure(responses, "422", "A field is missing or invalid: the problem names it.");
        }
        if (idempotentRoute) {
            ensure(
                    responses,
                    "409",
                    "The Idempotency-Key was used with another body, or its first request is still "
                            + "running (retry).");
        }
        if (method != null) {
            Map<String, List<Refusal>> byStatus = new TreeMap<>();
            for (Refusal refusal : method.getAnnotationsByType(Refusal.class)) {
                byStatus.computeIfAbsent(String.valueOf(refusal.status()), k -> new ArrayList<>())
                        .add(refusal);
            }
            for (Map.Entry<String, List<Refusal>> status : byStatus.entrySet()) {
                StringBuilder text = new StringBuilder();
                APIResponse existing = responses.getAPIResponse(status.getKey());
                if (existing != null && existing.getDescription() != null) text.append(existing.getDescription());
                for (Refusal refusal : status.getValue()) {
                    if (!text.isEmpty()) text.append("; ");
                    if (refusal.rules().length > 0)
                        text.append(String.join(", ", refusal.rules())).append(": ");
                    text.append(refusal.when());
                }
                responses.addAPIResponse(
                        status.getKey(), OASFactory.createAPIResponse().description(text.toString()));
            }
        }

        List<String> rules = new ArrayList<>();
        for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
            int status = parse(r.getKey());
            APIResponse response = r.getValue();
            if (response.getRef() != null) continue;
            if (status >= 400 && path.startsWith(FHIR_PATHS)) {
                // The generator shares one 401/403 object among operations: a FHIR path's gets its own body type.
                response = OASFactory.createAPIResponse().description(response.getDescription());
                responses.addAPIResponse(r.getKey(), response);
            }
            response.addHeader(CORRELATION_ID, OASFactory.createHeader().ref(CORRELATION_ID));
            if (status >= 400) {
                boolean fhirPath = path.startsWith(FHIR_PATHS);
                fhir |= fhirPath;
                response.setContent(OASFactory.createContent()
                        .addMediaType(
                                fhirPath ? FHIR_JSON : "application/problem+json",
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema()
                                                .ref(fhirPath ? OPERATION_OUTCOME_REF : PROBLEM_REF))));
                if (response.getDescription() != null) {
                    rules.addAll(ruleIds(response.getDescription()));
                }
            }
        }

        addParameter(operation, CORRELATION_ID);
        if (idempotentRoute) {
            addParameter(operation, IDEMPOTENCY_KEY);
            idempotent = true;
        }

        StringBuilder description = new StringBuilder(
                operation.getDescription() == null
                        ? ""
                        : operation.getDescription().strip());
        List<String> roles = method == null ? List.of() : roles(method);
        if (!roles.isEmpty()) append(description, "Roles: " + String.join(", ", roles) + ".");
        if (!rules.isEmpty())
            append(description, "Rules that can refuse it: " + String.join(", ", new LinkedHashSet<>(rules)) + ".");
        if (!description.isEmpty()) operation.setDescription(description.toString());
        if (!roles.isEmpty()) operation.addExtension("x-roles", roles);
    }

    private static void append(StringBuilder text, String line) {
        if (!text.isEmpty()) text.append("\n\n");
        text.append(line);
    }

    private static void ensure(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Parameter idempotencyKey() {
        return OASFactory.createParameter()
                .name(IDEMPOTENCY_KEY)
                .in(Parameter.In.HEADER)
                .required(false)
                .description("The same caller, key and body within 24 h answer the first status and the created "
                        + "resource as it is now; the same key with another body is 409.")
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .maxLength(255));
    }

    private static void addParameter(Operation operation, String name) {
        if (operation.getParameters() != null) {
            for (Parameter p : operation.getParameters()) {
                if (name.equalsIgnoreCase(p.getName()) || ("#/components/parameters/" + name).equals(p.getRef())) {
                    return;
                }
            }
        }
        operation.addParameter(OASFactory.createParameter().ref(name));
    }

    /** R-XXX-n ids in a response's description, in order. */
    static List<String> ruleIds(String text) {
        List<String> ids = new ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("R-[A-Z]+-\\d+").matcher(text);
        while (m.find()) ids.add(m.group());
        return ids;
    }

    private static int parse(String status) {
        try {
            return Integer.parseInt(status);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isPermitAll(Method method) {
        return method.isAnnotationPresent(PermitAll.class)
                || (!method.isAnnotationPresent(RolesAllowed.class)
                        && method.getDeclaringClass().isAnnotationPresent(PermitAll.class));
    }

    private static List<String> roles(Method method) {
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) allowed = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        return allowed == null ? List.of() : List.of(allowed.value());
    }

    /** The resource method an id of the PACKAGE_CLASS_METHOD strategy names, or null when it cannot be loaded. */
    static Method javaMethod(String operationId) {
        if (operationId == null || !operationId.contains("_")) return null;
        int cut = operationId.lastIndexOf('_');
        try {
            Class<?> type = Class.forName(
                    operationId.substring(0, cut), false, Thread.currentThread().getContextClassLoader());
            for (Method m : type.getDeclaredMethods()) {
                if (m.getName().equals(operationId.substring(cut + 1))) return m;
            }
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        return null;
    }

    /** {@code org.confide.consent.consent.rest.MyConsentResource_withdraw} → {@code myConsentWithdraw}. */
    static String shortId(String operationId) {
        if (operationId == null) return "operation";
        int cut = operationId.lastIndexOf('_');
        if (cut < 0) return operationId;
        String type = operationId.substring(operationId.lastIndexOf('.', cut) + 1, cut);
        if (type.endsWith("Resource")) type = type.substring(0, type.length() - "Resource".length());
        String noun = type.isEmpty() ? "" : Character.toLowerCase(type.charAt(0)) + type.substring(1);
        String method = operationId.substring(cut + 1);
        // KeysResource.keys, TilesResource.tile: the method already says it.
        if (noun.toLowerCase(java.util.Locale.ROOT).startsWith(method.toLowerCase(java.util.Locale.ROOT)))
            return method;
        return noun + capitalize(method);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Schema violationSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One invalid field of a request.")
                .addProperty("field", stringSchema("The JSON path of the field."))
                .addProperty("message", stringSchema("What is wrong with it."))
                .required(List.of("field", "message"));
    }

    private static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", stringSchema("A URI naming the kind of problem."));
        properties.put("title", stringSchema("A short summary of the kind of problem."));
        properties.put(
                "status",
                OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"));
        properties.put("detail", stringSchema("What went wrong with this request; never a class name or a trace."));
        properties.put("rule", stringSchema("The docs/domain.md rule id that refused the request (R-CONS-4 ...)."));
        properties.put(
                "violations",
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/Violation")));
        properties.put("correlationId", stringSchema("The request's correlation id."));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document: the body of every error.")
                .properties(properties)
                .required(List.of("type", "title", "status"));
    }

    /** The FHIR R4 OperationOutcome as Confide fills it (platform fhir.OperationOutcome). */
    private static Schema operationOutcomeSchema() {
        Schema coding = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("system", stringSchema("The code system: Confide's rule ids."))
                .addProperty("code", stringSchema("The docs/domain.md rule id that refused the request."));
        Schema details = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty(
                        "coding",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(coding))
                .addProperty("text", stringSchema("A short title, and the request's correlation id."));
        Map<String, Schema> issue = new LinkedHashMap<>();
        issue.put("severity", stringSchema("error (fatal for a fault of the service)."));
        issue.put("code", stringSchema("The FHIR issue type: invalid, login, forbidden, not-found, ..."));
        issue.put("details", details);
        issue.put("diagnostics", stringSchema("What went wrong with this request; never a class name or a trace."));
        issue.put(
                "expression",
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.ARRAY)
                        .description("The field at fault.")
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "resourceType",
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of(OPERATION_OUTCOME)));
        properties.put(
                "issue",
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema()
                                .addType(Schema.SchemaType.OBJECT)
                                .properties(issue)
                                .required(List.of("severity", "code"))));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("A FHIR R4 OperationOutcome: the body of every error under /fhir/.")
                .properties(properties)
                .required(List.of("resourceType", "issue"));
    }

    private static Schema stringSchema(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
