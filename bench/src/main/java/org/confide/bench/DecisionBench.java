package org.confide.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Consent decisions: throughput and p50/p99 of {@code POST /consent-decisions} over a realistic table, closed-loop at
 * several concurrencies, against {@code GET /session} (a trivial authenticated endpoint of the same service) at the
 * same concurrency. Clients are made known through records-events, consents through the API.
 */
final class DecisionBench {

    private static final String[] RECIPIENTS = {"GP", "MENTAL_HEALTH_TEAM", "REFERRER", "FAMILY", "POLICE"};
    private static final String[] CATEGORIES = {"ATTENDANCE", "CONTACT_DETAILS", "CASE_NOTES", "RISK_INFORMATION"};

    private final String consentUrl;
    private final String kafka;
    private final String managerToken;
    private final String serviceToken;
    private final String org;

    private final String consentDb;
    private final String dbUser;
    private final String dbPassword;

    DecisionBench(
            String consentUrl,
            String kafka,
            String org,
            String managerToken,
            String serviceToken,
            String consentDb,
            String dbUser,
            String dbPassword) {
        this.consentDb = consentDb;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.consentUrl = consentUrl;
        this.kafka = kafka;
        this.org = org;
        this.managerToken = managerToken;
        this.serviceToken = serviceToken;
    }

    void run(Results results, int clients, int consents, int[] concurrencies, Duration warmup, Duration measure)
            throws Exception {
        // The same clients for the same size, so that a database seeded by an earlier run is seeded once only.
        String[] clientIds = new String[clients];
        for (int i = 0; i < clients; i++) {
            clientIds[i] = UUID.nameUUIDFromBytes((org + ":" + clients + ":" + i).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }
        HttpLoad load = new HttpLoad();
        long seeded = seeded(clientIds);
        if (seeded >= consents) {
            System.out.printf("# decisions: %d consents of these %d clients already seeded%n", seeded, clients);
        } else {
            registerClients(clientIds);
            awaitKnown(load, clientIds[clients - 1]);
            seedConsents(load, clientIds, (int) seeded, consents);
        }
        awaitKnown(load, clientIds[clients - 1]);

        for (int c : concurrencies) {
            // Each phase starts on a quiet system: the seeding's and the previous phase's events are still being
            // relayed and ingested for a while, and that work would be charged to whichever phase runs next.
            CpuMeter.settle();
            HttpLoad.Result trivial = load.run(i -> get("/session", serviceToken), c, warmup, measure);
            CpuMeter.settle();
            HttpLoad.Result decisions = load.run(i -> decision(clientIds), c, warmup, measure);
            Map<String, Object> extra = Map.of(
                    "concurrency",
                    c,
                    "p50Ms",
                    decisions.p50Ms(),
                    "p99Ms",
                    decisions.p99Ms(),
                    "errors",
                    decisions.errors(),
                    "baselineP99Ms",
                    trivial.p99Ms(),
                    "clients",
                    clients,
                    "consents",
                    consents);
            results.row(
                    "decisions",
                    "consent decisions c=" + c,
                    decisions.throughput(),
                    "req/s",
                    trivial.throughput(),
                    "req/s",
                    ">= 0.50 of /session; p99 < 10 ms",
                    extra);
            results.row(
                    "decisions",
                    "consent decisions p99 c=" + c,
                    decisions.p99Ms(),
                    "ms",
                    trivial.p99Ms(),
                    "ms",
                    "< 10 ms",
                    extra);
            cpuRows(results, c, decisions, trivial);
        }
    }

    /**
     * Where a request's CPU went, by part of the system, beside the trivial endpoint's: on one shared machine the
     * decision's downstream work (its outbox relay, the broker, audit ingest, PostgreSQL) competes with it for cores.
     */
    private static void cpuRows(Results results, int c, HttpLoad.Result decisions, HttpLoad.Result trivial) {
        double total = 0, totalBaseline = 0;
        for (String part : CpuMeter.PARTS) {
            double ms = decisions.cpuMsPerRequest().getOrDefault(part, 0.0);
            double base = trivial.cpuMsPerRequest().getOrDefault(part, 0.0);
            total += ms;
            totalBaseline += base;
            if (ms >= 0.005 || base >= 0.005) {
                results.row(
                        "decisions",
                        "  CPU/request c=" + c + " " + part,
                        ms,
                        "ms",
                        base,
                        "ms",
                        "",
                        Map.of("concurrency", c));
            }
        }
        results.row(
                "decisions",
                "  CPU/request c=" + c + " all",
                total,
                "ms",
                totalBaseline,
                "ms",
                "",
                Map.of("concurrency", c));
    }

    private HttpRequest decision(String[] clientIds) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String body = "{\"clientId\":\"" + clientIds[r.nextInt(clientIds.length)] + "\",\"recipientType\":\""
                + RECIPIENTS[r.nextInt(RECIPIENTS.length)] + "\",\"category\":\""
                + CATEGORIES[r.nextInt(CATEGORIES.length)]
                + "\",\"purpose\":\"CONTINUING_CARE\"}";
        return post("/consent-decisions", serviceToken, body);
    }

    /** How many consents of these clients consent-service's database holds already. */
    private long seeded(String[] clientIds) throws Exception {
        try (Connection c = DriverManager.getConnection(consentDb, dbUser, dbPassword);
                PreparedStatement ps =
                        c.prepareStatement("SELECT count(*) FROM consent WHERE org = ? AND client_id = ANY (?)")) {
            ps.setString(1, org);
            ps.setArray(2, c.createArrayOf("text", clientIds));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void seedConsents(HttpLoad load, String[] clientIds, int from, int consents) throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger(from);
        // Closed loop until every consent is written: the seeding rate is not a figure.
        Thread[] workers = new Thread[16];
        java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int w = 0; w < workers.length; w++) {
            workers[w] = Thread.ofVirtual().start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < consents) {
                    String body = "{\"clientId\":\"" + clientIds[i % clientIds.length] + "\",\"recipient\":{\"type\":\""
                            + RECIPIENTS[i % RECIPIENTS.length] + "\"},\"categories\":[\""
                            + CATEGORIES[i % CATEGORIES.length]
                            + "\"],\"purpose\":\"CONTINUING_CARE\",\"method\":\"WRITTEN_SIGNED\",\"explained\":true}";
                    try {
                        int status = 0;
                        // The age band (R-CONS-6) comes through a consumer of its own, which may trail the allocation
                        // copy.
                        for (int tries = 0; tries < 100 && status != 201; tries++) {
                            if (tries > 0) Thread.sleep(200);
                            status = http.send(
                                            post("/consents", managerToken, body),
                                            java.net.http.HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                            if (status != 422) break;
                        }
                        if (status != 201) failed.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        for (Thread t : workers) t.join();
        if (failed.get() > 0) {
            throw new IllegalStateException(
                    failed.get() + " of " + (consents - from) + " consents could not be seeded");
        }
    }

    private void registerClients(String[] clientIds) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String id : clientIds) {
                producer.send(BenchEvents.registered(org, id, null));
            }
            producer.flush();
        }
    }

    /** Waits until consent-service's copy of records-events knows the last client registered. */
    private void awaitKnown(HttpLoad load, String clientId) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 120_000;
        String body = "{\"clientId\":\"" + clientId
                + "\",\"recipientType\":\"GP\",\"category\":\"ATTENDANCE\",\"purpose\":\"CONTINUING_CARE\"}";
        while (System.currentTimeMillis() < deadline) {
            if (http.send(
                                    post("/consent-decisions", serviceToken, body),
                                    java.net.http.HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("consent-service never learnt of the benchmark's clients");
    }

    private HttpRequest post(String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(consentUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(URI.create(consentUrl + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }
}
