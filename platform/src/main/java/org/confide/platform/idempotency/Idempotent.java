package org.confide.platform.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a creating POST whose {@code Idempotency-Key} header is honoured (API.md conventions): the same key and
 * body within 24 h answer the first response again; the same key with another body is 409.
 * The annotated resource method must return {@link jakarta.ws.rs.core.Response}.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
