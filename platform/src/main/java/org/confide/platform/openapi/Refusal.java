package org.confide.platform.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A status an operation answers when a rule refuses a well-formed request (docs/api.md "Errors": 422 when a field is at
 * fault, 409 when the state is, 503 when a service it depends on is away). {@link ContractFilter} declares it in the
 * OpenAPI document with a Problem body, and lists the rules in the operation's description.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Refusal.List.class)
public @interface Refusal {

    /** The HTTP status. */
    int status();

    /** The docs/domain.md rule ids that can answer it (none for a refusal of the platform's, such as a 503). */
    String[] rules() default {};

    /** When, in a few words a caller can act on. */
    String when();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        Refusal[] value();
    }
}
