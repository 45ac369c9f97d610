package org.confide.disclosure.cases.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.stream.Stream;
import org.confide.disclosure.cases.ShareMethod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName(
        "R-PROC-3: a share names its channel; a channel that is not secure is refused (422 on method), a phone call only in an emergency")
class ChannelRuleTest {

    private final ChannelRule rule = new ChannelRule();

    static Stream<Arguments> table() {
        // method, refused when not an emergency, refused in an emergency
        return Stream.of(
                Arguments.of(ShareMethod.EMAIL, true, true),
                Arguments.of(ShareMethod.FAX, true, true),
                Arguments.of(ShareMethod.PHONE, true, false),
                Arguments.of(ShareMethod.LETTER, false, false),
                Arguments.of(ShareMethod.IN_PERSON, false, false),
                Arguments.of(ShareMethod.SECURE_PORTAL, false, false),
                Arguments.of(ShareMethod.SECURE_EMAIL, false, false));
    }

    @ParameterizedTest(name = "R-PROC-3: {0} refused: {1}, in an emergency: {2}")
    @MethodSource("table")
    void channel(ShareMethod method, boolean refused, boolean refusedInEmergency) {
        assertEquals(refusedInEmergency, rule.channel(method, true).isPresent(), method.name() + " in an emergency");
        Optional<WorkflowRule.Refusal> r = rule.channel(method, false);
        assertEquals(refused, r.isPresent(), method.name());
        r.ifPresent(x -> {
            assertEquals(422, x.status());
            assertEquals("R-PROC-3", x.rule());
            assertEquals("method", x.field());
        });
    }

    @Test
    @DisplayName("R-PROC-3: every channel is classified by the table above")
    void everyChannelInTheTable() {
        assertEquals(ShareMethod.values().length, table().count());
    }
}
