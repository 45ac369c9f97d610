package org.confide.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field (or list) of an event that holds an identifier: a resource id (a UUID), an organisation, a user's
 * {@code sub}. Never a name or anything a person wrote. One of {@link Id}, {@link Code}, {@link RuleId} is required on
 * every text field: there is no way to declare free text in an event (docs/api.md "Events").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Id {}
