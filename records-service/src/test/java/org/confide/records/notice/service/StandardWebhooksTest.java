package org.confide.records.notice.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {

    @Test
    @DisplayName("R-REF-1: the signature of the Standard Webhooks specification's own example")
    void specificationExample() {
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                StandardWebhooks.signature(
                        List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}"));
    }

    @Test
    @DisplayName("R-REF-1: during a rotation both secrets sign, space-separated; a new secret is whsec_ and 32 bytes")
    void rotation() {
        String a = StandardWebhooks.newSecret();
        String b = StandardWebhooks.newSecret();
        assertTrue(a.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(a.substring(6)).length);
        String both = StandardWebhooks.signature(List.of(a, b), "id", 1, "{}");
        assertEquals(
                StandardWebhooks.signature(List.of(a), "id", 1, "{}") + " "
                        + StandardWebhooks.signature(List.of(b), "id", 1, "{}"),
                both);
    }
}
