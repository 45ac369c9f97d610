package org.confide.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.confide.platform.auth.TokenAugmentor;
import org.confide.platform.correlation.CorrelationId;
import org.confide.platform.fhir.Fhir;
import org.confide.platform.fhir.OperationOutcome;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP answers: every error is RFC 9457 problem+json,
 * with the fields and rule that refused it, and never a class name or a stack trace. Under {@code /fhir/} the same
 * problem is a FHIR OperationOutcome, {@code application/fhir+json} (docs/api.md "FHIR R4").
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    CorrelationId correlationId;

    @Inject
    CurrentVertxRequest request;

    /** The paths whose errors FHIR clients read. */
    static final String FHIR_PATHS = "/fhir/";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response invalid(ResteasyReactiveViolationException e) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        String detail =
                violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(
                new Problem(ProblemTypes.forStatus(422), "Unprocessable request", 422, detail, null, violations, null));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return respond(jsonProblem(e));
    }

    // Named explicitly: quarkus-rest-jackson maps these two types itself, with a body of its own.
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response unparseable(JsonParseException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        String detail = e.getAttribute(TokenAugmentor.DETAIL);
        return detail == null ? unauthorized() : unauthorized(detail);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(simple(403, "Forbidden", "your role may not do this"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException jpe) {
                return respond(jsonProblem(jpe));
            }
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return fault(e);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "this resource answers application/json";
            case 413 -> "request body is larger than 64 KiB";
            case 415 -> "send the body as application/json";
            default -> title;
        };
        return respond(simple(status, title, detail));
    }

    @ServerExceptionMapper
    public Response fault(Throwable e) {
        if (DatabaseUnavailable.causes(e)) {
            // docs/api.md "Every service also serves": the database away is 503 with Retry-After, never a 500.
            LOG.warnf(
                    "database unavailable [correlationId=%s]: %s",
                    correlationId.value(), DatabaseUnavailable.reason(e));
            return respond(
                    simple(503, "Service unavailable", "the database is unavailable; retry after a few seconds"));
        }
        LOG.errorf(e, "unexpected failure [correlationId=%s]", correlationId.value());
        return respond(simple(
                500, "Internal error", "the request could not be completed; quote the correlation id to support"));
    }

    private Response unauthorized() {
        return unauthorized("a valid bearer token is required");
    }

    private Response unauthorized(String detail) {
        return Response.fromResponse(respond(simple(401, "Unauthenticated", detail)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static Problem simple(int status, String title, String detail) {
        return new Problem(ProblemTypes.forStatus(status), title, status, detail, null, null, null);
    }

    private Response respond(Problem problem) {
        Problem body = problem.withCorrelationId(correlationId.value());
        boolean fhir = isFhirPath();
        String json;
        try {
            json = mapper.writeValueAsString(fhir ? OperationOutcome.of(body) : body);
        } catch (JsonProcessingException impossible) {
            json = "{\"status\":" + body.status() + "}";
        }
        Response.ResponseBuilder r = Response.status(body.status())
                .type(fhir ? Fhir.MEDIA_TYPE : Problem.MEDIA_TYPE)
                .entity(json);
        // docs/api.md "Every service also serves": every 503 (database or broker away) says when to try again.
        if (body.status() == 503) r.header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
        return r.build();
    }

    private boolean isFhirPath() {
        var rc = request.getCurrent();
        return rc != null && rc.normalizedPath().startsWith(FHIR_PATHS);
    }

    /** Malformed JSON is 400; a well-formed value of the wrong shape names its field (and enum values). */
    static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = pathOf(jme.getPath());
            String message;
            if (e instanceof InvalidFormatException ife
                    && ife.getTargetType() != null
                    && ife.getTargetType().isEnum()) {
                message = "unknown value '" + ife.getValue() + "'; allowed: "
                        + Arrays.stream(ife.getTargetType().getEnumConstants())
                                .map(Object::toString)
                                .collect(Collectors.joining(", "));
            } else if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
                message = "expected " + describe(mie.getTargetType());
            } else {
                message = "invalid value";
            }
            return new Problem(
                    ProblemTypes.forStatus(400),
                    "Bad request",
                    400,
                    field + ": " + message,
                    null,
                    List.of(new Violation(field, message)),
                    null);
        }
        return new Problem(
                ProblemTypes.forStatus(400),
                "Bad request",
                400,
                "the body is not valid JSON",
                null,
                List.of(new Violation("body", "malformed JSON")),
                null);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (type == String.class) return "a string";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "a number";
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) return "an array";
        if (type.getName().startsWith("java.time.")) return "a date or time in ISO 8601 form";
        if (type == java.util.UUID.class) return "a UUID";
        return "an object";
    }

    static String pathOf(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    /** A resource parameter's path is method.param.field...: callers know the body, so keep the field part. */
    static String fieldOf(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> names.clear();
                default -> {
                    String n = node.getName();
                    if (node.getIndex() != null && !names.isEmpty()) {
                        names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
                    }
                    if (n != null && !n.startsWith("<")) names.add(n);
                }
            }
        }
        if (names.isEmpty()) {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) return node.getName();
            }
            return "body";
        }
        return String.join(".", names);
    }
}
