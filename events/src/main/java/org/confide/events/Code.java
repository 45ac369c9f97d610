package org.confide.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field (or list) of an event that holds a code: an enum constant of the contract ({@code WRITTEN_SIGNED},
 * {@code RISK_TO_OTHERS}) or another fixed word. Its values must match {@link Events#CODE}; a value that does not is
 * refused when the event is made, so a sentence can never travel as a code.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Code {}
