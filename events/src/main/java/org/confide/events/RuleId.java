package org.confide.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A text field (or list) of an event that holds rule ids of docs/domain.md ({@code R-PROC-2}), matching {@link Events#RULE_ID}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface RuleId {}
