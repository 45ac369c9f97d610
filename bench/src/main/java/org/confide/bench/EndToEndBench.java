package org.confide.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End to end: from the response of a disclosure step to its entry in {@code /audit/trails/{caseId}} (outbox, relay,
 * Kafka, audit ingest, chain), p50 and p99 over a number of steps (each case: raise, then client involvement).
 */
final class EndToEndBench {

    private final String disclosureUrl;
    private final String auditUrl;
    private final String kafka;
    private final String org;
    private final String practitionerToken;
    private final String complianceToken;
    private final HttpClient http = HttpClient.newHttpClient();

    EndToEndBench(
            String disclosureUrl,
            String auditUrl,
            String kafka,
            String org,
            String practitionerToken,
            String complianceToken) {
        this.disclosureUrl = disclosureUrl;
        this.auditUrl = auditUrl;
        this.kafka = kafka;
        this.org = org;
        this.practitionerToken = practitionerToken;
        this.complianceToken = complianceToken;
    }

    void run(Results results, int steps, int pipelines, String practitionerId) throws Exception {
        int cases = Math.max(1, steps / 2);
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < cases; i++) clients.add(UUID.randomUUID().toString());
        register(clients, practitionerId);
        Histogram h = new Histogram(600_000_000_000L, 3);
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < pipelines; p++) {
            threads.add(Thread.ofVirtual().start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < cases) {
                    try {
                        String client = clients.get(i);
                        HttpResponse<String> raised = raise(client);
                        long t0 = System.nanoTime();
                        String caseId = raised.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
                        awaitTrail(caseId, 1);
                        record(h, t0);
                        send(
                                post(
                                        disclosureUrl + "/disclosures/" + caseId + "/client-involvement",
                                        practitionerToken,
                                        "{\"informed\":true,\"response\":\"AGREED\"}"),
                                200);
                        long t1 = System.nanoTime();
                        awaitTrail(caseId, 2);
                        record(h, t1);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        for (Thread t : threads) t.join();
        Map<String, Object> extra =
                Map.of("steps", h.getTotalCount(), "pipelines", pipelines, "p50Ms", h.getValueAtPercentile(50) / 1e6);
        results.row(
                "endtoend",
                "step -> audit trail p50",
                h.getValueAtPercentile(50) / 1e6,
                "ms",
                Double.NaN,
                "",
                "-",
                extra);
        results.row(
                "endtoend",
                "step -> audit trail p99",
                h.getValueAtPercentile(99) / 1e6,
                "ms",
                Double.NaN,
                "",
                "< 500 ms",
                extra);
    }

    private static synchronized void record(Histogram h, long t0) {
        h.recordValue(System.nanoTime() - t0);
    }

    private void awaitTrail(String caseId, int entries) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        HttpRequest get = HttpRequest.newBuilder(URI.create(auditUrl + "/audit/trails/" + caseId))
                .header("Authorization", "Bearer " + complianceToken)
                .GET()
                .build();
        while (System.currentTimeMillis() < deadline) {
            String body = http.send(get, HttpResponse.BodyHandlers.ofString()).body();
            if (body.split("\"seq\"", -1).length - 1 >= entries) return;
            Thread.sleep(2);
        }
        throw new IllegalStateException("step " + entries + " of case " + caseId + " never reached the audit trail");
    }

    /** Raises a case; until disclosure-service's copy of records-events knows the client, it is not found: retry. */
    private HttpResponse<String> raise(String client) throws Exception {
        HttpRequest r = post(disclosureUrl + "/disclosures", practitionerToken, """
                {"clientId":"%s","grounds":["MEDICAL_EMERGENCY"],"immediacy":"IMMEDIATE","context":"ONE_TO_ONE",
                 "summary":"benchmark","proposedRecipients":[{"type":"EMERGENCY_SERVICES"}],
                 "categories":["RISK_INFORMATION"]}""".formatted(client));
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) return response;
            if ((response.statusCode() != 404 && response.statusCode() != 403)
                    || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(
                        "raising a case answered " + response.statusCode() + ": " + response.body());
            }
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> send(HttpRequest r, int expected) throws Exception {
        HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(r.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static HttpRequest post(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private void register(List<String> clients, String practitionerId) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String id : clients) {
                producer.send(BenchEvents.registered(org, id, practitionerId));
            }
            producer.flush();
        }
    }
}
