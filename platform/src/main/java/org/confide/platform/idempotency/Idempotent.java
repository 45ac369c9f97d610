package org.confide.platform.idempotency;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a creating POST whose {@code Idempotency-Key} header is honoured (docs/api.md conventions): the same caller,
 * key and body within 24 h answer the first status and the created resource as it is now; the same key with another
 * body (or route) is 409. No copy of the response is kept: a replay reads the resource again through {@link #reread()}.
 * The annotated resource method must return {@link jakarta.ws.rs.core.Response}.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {

    /**
     * The method of the same resource class that reads the created resource as it is now, with the caller of the
     * replay: it takes the POST's {@code @PathParam} values in order, then the created resource's id, all as
     * {@code String}, and returns the entity the POST answered with.
     */
    @Nonbinding
    String reread();

    /** The property of the POST's response entity (as JSON) that holds the created resource's id. */
    @Nonbinding
    String id() default "id";
}
