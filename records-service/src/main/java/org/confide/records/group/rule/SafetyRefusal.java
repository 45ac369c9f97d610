package org.confide.records.group.rule;

/** A refusal by BehaviourRule or SafetyRule: the HTTP status it means (409 the state, 422 a field), the rule, the field. */
public record SafetyRefusal(int status, String rule, String field, String message) {

    static SafetyRefusal field(String rule, String field, String message) {
        return new SafetyRefusal(422, rule, field, message);
    }

    static SafetyRefusal state(String rule, String field, String message) {
        return new SafetyRefusal(409, rule, field, message);
    }
}
