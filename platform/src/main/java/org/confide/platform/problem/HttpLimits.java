package org.confide.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.confide.platform.correlation.CorrelationId;

/**
 * The HTTP limits of docs/api.md ("Input and errors"), answered as problem+json before any resource runs:
 * a request line over {@value #MAX_REQUEST_LINE} characters is 414, headers over {@value #MAX_HEADER_BYTES} bytes
 * 431, a declared body over 64 KiB 413. Vert.x's own limits (quarkus.http.limits.*) sit well above these, so the
 * bare answers of the HTTP codec are only reached by requests far beyond them. A chunked body is counted as it
 * arrives, here too.
 */
@ApplicationScoped
public class HttpLimits {

    /** Method, target and version of the first line, as the client sent them. */
    public static final int MAX_REQUEST_LINE = 8 * 1024;
    /** All header names and values together. */
    public static final int MAX_HEADER_BYTES = 20 * 1024;
    /** docs/api.md: a body over 64 KiB is refused with 413. */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    ObjectMapper mapper;

    // Reads a chunked body before the REST layer does (which then takes it from the routing context), failing the
    // request with 413 once it passes 64 KiB; the failure handler below answers that with problem+json.
    private final BodyHandler chunkedBody = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);

    void install(@Observes Router router) {
        // Before Quarkus's own upload limit (ROUTE_ORDER_UPLOAD_LIMIT), which would answer 413 with no body.
        int order = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;
        router.route().order(order).handler(this::check);
        router.route().order(order).failureHandler(rc -> {
            if (rc.statusCode() == 413 && !rc.response().headWritten()) {
                refuse(rc, 413, "Payload too large", "request body is larger than 64 KiB");
            } else if (rc.failure() instanceof HttpClosedException
                    && rc.response().ended()) {
                // The body reader hearing the close that followed our 413: answered already, nothing went wrong.
                return;
            } else {
                rc.next();
            }
        });
    }

    private void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        int line = request.method().name().length() + 1 + request.uri().length() + 9;
        if (line > MAX_REQUEST_LINE) {
            refuse(rc, 414, "URI too long", "the request line is longer than " + MAX_REQUEST_LINE + " characters");
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            headers += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headers > MAX_HEADER_BYTES) {
            refuse(
                    rc,
                    431,
                    "Request header fields too large",
                    "the request headers are larger than " + (MAX_HEADER_BYTES / 1024) + " KiB");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > MAX_BODY_BYTES) {
            refuse(rc, 413, "Payload too large", "request body is larger than 64 KiB");
            return;
        }
        if (length == null && request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            chunkedBody.handle(rc);
            return;
        }
        rc.next();
    }

    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Answers and closes the connection: the rest of what the client sends is never read. */
    private void refuse(RoutingContext rc, int status, String title, String detail) {
        String given = rc.request().getHeader(CorrelationId.HEADER);
        String correlationId = given != null && SAFE_ID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        Problem problem = new Problem(ProblemTypes.forStatus(status), title, status, detail, null, null, correlationId);
        String json;
        try {
            json = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            json = "{\"status\":" + status + "}";
        }
        rc.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(CorrelationId.HEADER, correlationId)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> rc.request().connection().close())
                .end(json);
    }
}
