package org.confide.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An event record's CloudEvents {@code type} and the rule that gives its Kafka record key. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Type {
    /** The CloudEvents {@code type}, e.g. {@code consent.granted}. */
    String value();

    Key key() default Key.CLIENT;
}
