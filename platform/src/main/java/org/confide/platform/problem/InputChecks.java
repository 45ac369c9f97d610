package org.confide.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * docs/api.md "Input and errors": a NUL character (%00) in a path or query parameter is refused with a 400 naming it,
 * before a resource can hand it to PostgreSQL (which refuses NUL in text, answering 500). Runs after matching, so that
 * a path parameter is named as the resource declares it. (A NUL in a header never gets this far: the HTTP codec
 * refuses the request.)
 */
public class InputChecks {

    static final char NUL = '\u0000';
    static final String NUL_MESSAGE = "must not contain a NUL character";

    @ServerRequestFilter
    public void noNul(ContainerRequestContext ctx) {
        check(ctx.getUriInfo().getPathParameters(true));
        check(ctx.getUriInfo().getQueryParameters(true));
        if (ctx.getUriInfo().getPath(true).indexOf(NUL) >= 0) {
            throw ProblemException.badRequest("path", NUL_MESSAGE);
        }
    }

    private static void check(MultivaluedMap<String, String> values) {
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            boolean bad = e.getKey().indexOf(NUL) >= 0;
            for (String v : e.getValue()) {
                bad |= v != null && v.indexOf(NUL) >= 0;
            }
            if (bad) {
                throw ProblemException.badRequest(e.getKey().replace(NUL, '?'), NUL_MESSAGE);
            }
        }
    }
}
