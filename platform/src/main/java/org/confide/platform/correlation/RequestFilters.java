package org.confide.platform.correlation;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Correlation id in and out of every request (the HTTP limits are problem.HttpLimits'). */
public class RequestFilters {

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
    }

    @ServerResponseFilter
    public void outgoing(ContainerResponseContext response) {
        response.getHeaders().putSingle(CorrelationId.HEADER, correlationId.value());
    }
}
