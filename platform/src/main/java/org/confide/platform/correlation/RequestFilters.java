package org.confide.platform.correlation;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.regex.Pattern;
import org.confide.platform.problem.ProblemException;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Correlation id in and out of every request, and the 64 KiB body limit of API.md. */
public class RequestFilters {

    /** API.md: a body over 64 KiB is refused with 413. */
    public static final long MAX_BODY_BYTES = 64 * 1024;
    // Anything else a caller sends is replaced, so a log line can never be forged through the header.
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    CorrelationId correlationId;

    @ServerRequestFilter(preMatching = true)
    public void incoming(ContainerRequestContext ctx) {
        String given = ctx.getHeaderString(CorrelationId.HEADER);
        if (given != null && SAFE_ID.matcher(given).matches()) {
            correlationId.set(given);
        }
        MDC.put("correlationId", correlationId.value());
        String length = ctx.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
                    throw new ProblemException(413, "Payload too large", "request body is larger than 64 KiB", null, null);
                }
            } catch (NumberFormatException ignored) {
                // Vert.x has already refused a malformed Content-Length.
            }
        }
    }

    @ServerResponseFilter
    public void outgoing(ContainerResponseContext response) {
        response.getHeaders().putSingle(CorrelationId.HEADER, correlationId.value());
    }
}
