package org.confide.platform.fhir;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.confide.platform.paging.PageRequest;
import org.confide.platform.problem.ProblemException;

/**
 * The parameters every FHIR search of Confide takes (docs/api.md "FHIR R4"): {@code _count} (1 to 500, default 50; more
 * is served as 500, as FHIR lets a server), the opaque {@code _cursor} of a next link, {@code _format} when it asks for
 * JSON. A parameter the search does not serve is 400 naming it, rather than ignored: a misspelt filter must never
 * answer the whole log.
 */
public final class FhirSearch {

    public static final String COUNT = "_count";
    public static final String CURSOR = "_cursor";
    public static final String FORMAT = "_format";
    private static final Set<String> JSON_FORMATS = Set.of("json", "application/json", Fhir.MEDIA_TYPE);

    private FhirSearch() {}

    /** Refuses any query parameter other than {@code served} and the common ones. */
    public static void requireOnly(UriInfo uri, Set<String> served) {
        TreeSet<String> unknown = new TreeSet<>();
        for (Map.Entry<String, java.util.List<String>> p :
                uri.getQueryParameters().entrySet()) {
            String name = p.getKey();
            if (served.contains(name) || name.equals(COUNT) || name.equals(CURSOR)) continue;
            if (name.equals(FORMAT)
                    && p.getValue().stream().allMatch(v -> JSON_FORMATS.contains(v.split(";")[0].strip()))) {
                continue;
            }
            unknown.add(name);
        }
        if (!unknown.isEmpty()) {
            String name = unknown.getFirst();
            throw ProblemException.badRequest(
                    name,
                    name.equals(FORMAT)
                            ? "only json is served"
                            : "is not a search parameter of this resource; served: "
                                    + String.join(", ", new TreeSet<>(served)) + ", " + COUNT);
        }
    }

    /** {@code _count}: absent 50; 1 and more, at most {@value PageRequest#MAX_LIMIT}. */
    public static int count(String value) {
        if (value == null || value.isBlank()) return PageRequest.DEFAULT_LIMIT;
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(COUNT, "must be a whole number from 1");
        }
        if (n < 1) throw ProblemException.badRequest(COUNT, "must be a whole number from 1");
        return Math.min(n, PageRequest.MAX_LIMIT);
    }

    /** The key a {@code _cursor} carries (null: the first page). */
    public static String after(String cursor) {
        if (cursor == null || cursor.isBlank()) return null;
        try {
            return new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(CURSOR, "is not a cursor this service issued");
        }
    }

    /** The absolute base of the FHIR endpoint, {@code http(s)://host/fhir/r4}. */
    public static String base(UriInfo uri) {
        String root = uri.getBaseUri().toString();
        return (root.endsWith("/") ? root : root + "/") + "fhir/r4";
    }

    /** The same search from the key after {@code lastKey}. */
    public static String next(UriInfo uri, int count, String lastKey) {
        UriBuilder b = uri.getRequestUriBuilder()
                .replaceQueryParam(COUNT, count)
                .replaceQueryParam(CURSOR, PageRequest.encode(lastKey));
        return b.build().toString();
    }
}
