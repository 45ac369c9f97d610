package org.confide.systemtests;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.confide.events.DisclosureEvents;
import org.confide.events.RecordsEvents;
import org.confide.platform.events.CloudEvent;
import org.confide.testing.TestEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** CloudEventsSystemTest's check of one record can fail: each way a record can break the contract is reported. */
class CloudEventsCheckTest {

    private static ConsumerRecord<String, byte[]> consumed(
            ProducerRecord<String, String> p, String key, boolean header) {
        ConsumerRecord<String, byte[]> r =
                new ConsumerRecord<>(p.topic(), 0, 0L, key, p.value().getBytes(StandardCharsets.UTF_8));
        if (header) p.headers().forEach(h -> r.headers().add(h));
        return r;
    }

    @Test
    @DisplayName(
            "a record as the relay sends it passes; without the header, keyed against its rule, on another topic or with data not its record, it fails")
    void check() {
        CloudEvent policy = TestEvents.cloudEvent(
                "org-1",
                "adm",
                "admin",
                "c",
                new DisclosureEvents.PolicyChanged(3, true, true, List.of(), true, "R-BRK-6"));
        ProducerRecord<String, String> sent = TestEvents.record(policy);
        assertNull(CloudEventsSystemTest.check(consumed(sent, sent.key(), true)));
        assertTrue(
                CloudEventsSystemTest.check(consumed(sent, sent.key(), false)).startsWith("no content-type header"));
        assertTrue(CloudEventsSystemTest.check(consumed(sent, null, true)).contains("keyed null"));
        ProducerRecord<String, String> elsewhere =
                new ProducerRecord<>("records-events", null, sent.key(), sent.value(), sent.headers());
        assertTrue(CloudEventsSystemTest.check(consumed(elsewhere, sent.key(), true))
                .contains("declared on disclosure-events"));
        ProducerRecord<String, String> partial = new ProducerRecord<>(
                sent.topic(), null, sent.key(), sent.value().replace("\"version\":3,", ""), sent.headers());
        assertTrue(
                CloudEventsSystemTest.check(consumed(partial, sent.key(), true)).contains("data is not its record"));
        CloudEvent group = TestEvents.cloudEvent(
                "org-1",
                "p",
                "practitioner",
                "c",
                new RecordsEvents.GroupCreated("g-1", "NETWORK", "NETWORK_MEETING", List.of("p")));
        ProducerRecord<String, String> g = TestEvents.record(group);
        assertNull(CloudEventsSystemTest.check(consumed(g, "g-1", true)));
        assertTrue(CloudEventsSystemTest.check(consumed(g, "org-1", true)).contains("keyed org-1"));
    }
}
