package org.confide.records.notice.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryRuleTest {

    private final DeliveryRule rule = new DeliveryRule();

    @ParameterizedTest(name = "delivered={0}, waited {1} of {2}: {3}")
    @CsvSource({
        "true,  PT0S,  P1D, DELIVERED",
        "true,  P2D,   P1D, DELIVERED",
        "false, PT0S,  P1D, RETRY",
        "false, PT23H, P1D, RETRY",
        "false, P1D,   P1D, PARKED",
        "false, P3D,   P1D, PARKED",
    })
    @DisplayName("R-REF-1: an outage delays a notice: retried until it has waited the give-up period, then parked")
    void after(boolean delivered, Duration waited, Duration giveUp, DeliveryRule.Next expected) {
        Instant created = Instant.parse("2026-12-01T10:00:00Z");
        assertEquals(expected, rule.after(delivered, created, created.plus(waited), giveUp));
    }

    @ParameterizedTest(name = "delivered={0}, channel={1}, waited {2}: {3}")
    @CsvSource({
        "false, false, PT0S,  PARKED",
        "false, false, PT23H, PARKED",
        "false, true,  PT0S,  RETRY",
        "true,  true,  PT0S,  DELIVERED",
        "false, true,  P1D,   PARKED",
    })
    @DisplayName(
            "R-REF-1: a notice with neither webhook nor e-mail is parked at once (nothing to wait for), one with a channel"
                    + " is retried")
    void afterWithOrWithoutChannel(boolean delivered, boolean channel, Duration waited, DeliveryRule.Next expected) {
        Instant created = Instant.parse("2026-12-01T10:00:00Z");
        assertEquals(expected, rule.after(delivered, channel, created, created.plus(waited), Duration.ofDays(1)));
    }

    @ParameterizedTest(name = "after attempt {0}: {3}")
    @CsvSource({
        "1,  PT10S, PT1H,  PT10S",
        "2,  PT10S, PT1H,  PT20S",
        "3,  PT10S, PT1H,  PT40S",
        "10, PT10S, PT1H,  PT1H",
        "60, PT10S, PT1H,  PT1H",
        "1,  PT2H,  PT1H,  PT1H",
    })
    @DisplayName("R-REF-1: the wait between attempts doubles from the first and never exceeds the longest")
    void backoff(int attempts, Duration initial, Duration max, Duration expected) {
        assertEquals(expected, rule.backoff(attempts, initial, max));
    }

    @ParameterizedTest(name = "{0} (loopback allowed {1}): {2}")
    @CsvSource(
            nullValues = "-",
            value = {
                "https://partner.example/hooks/confide, false, -",
                "https://partner.example:8443/h,        false, -",
                "http://partner.example/h,              true,  must be an https URL",
                "http://127.0.0.1:9000/h,               false, must be an https URL",
                "http://127.0.0.1:9000/h,               true,  -",
                "http://localhost:9000/h,               true,  must be an https URL",
                "ftp://partner.example/h,               true,  must be an https URL",
                "https://user:pw@partner.example/h,     false, must not carry a user name or password",
                "partner.example/h,                     false, must be an absolute URL with a host",
                "'',                                    false, is required",
            })
    @DisplayName("R-REF-1: a notice leaves only over https; plain http to 127.0.0.1 only where dev and test allow it")
    void url(String url, boolean allowLoopbackHttp, String refusal) {
        assertEquals(Optional.ofNullable(refusal), rule.urlRefusal(url, allowLoopbackHttp));
    }
}
