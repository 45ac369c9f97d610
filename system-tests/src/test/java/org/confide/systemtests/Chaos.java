package org.confide.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.confide.testing.KafkaBroker;
import org.confide.testing.TestDatabase;
import org.confide.testing.Tokens;

/**
 * `./confide chaos`: the four services (and a second audit-service in the same consumer group) on a private PostgreSQL
 * and a Kafka broker of their own, under a bounded mixed load, while a fault schedule drawn from the seed kills and
 * restarts every part. Afterwards it checks that every answer was 2xx, 503 problem+json or a refused connection to a
 * killed process; that every event in every outbox is in the audit chain exactly once and every 2xx write has its
 * event; that the chains and checkpoints verify; and that disclosures raised while consent-service was down were
 * assessed fail-closed. {@link #run()} returns the report; {@link Report#failures()} is empty when all held.
 */
final class Chaos {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    /** A restart on two busy cores can take minutes (every JVM starting cold beside the load). */
    private static final Duration RESTART = Duration.ofMinutes(10);

    private static final String PRAC = "prac-1";
    private static final int ORGS = 3;
    private static final int SEEDED_CLIENTS = 6;
    private static final List<String> WRITES =
            List.of("registration", "note", "consent", "decision", "disclosure", "involvement", "group-session");

    final Duration duration;
    final long seed;
    final double rate;
    private final Random random;

    private PrivatePostgres pg;
    private KafkaBroker broker;
    private RunningSystem system;
    private ServiceProcess audit2;
    private final String run = Long.toHexString(System.nanoTime()).substring(0, 6);
    private final List<Org> orgs = new ArrayList<>();

    /** Whether a service answers (false from its kill until it is ready again), and how often it was killed. */
    private final Map<String, Boolean> up = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> epoch = new ConcurrentHashMap<>();
    /** Services with no process at all: from the kill until the replacement is spawned (it may answer before ready). */
    private final Set<String> dead = ConcurrentHashMap.newKeySet();

    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private volatile boolean loadOn = true;
    private final long t0 = System.nanoTime();
    private long loadStart = t0;
    private long loadEnd = t0;

    // What the load saw.
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong other = new AtomicLong();
    private final ConcurrentLinkedQueue<String> otherExamples = new ConcurrentLinkedQueue<>();
    private final Map<String, Set<String>> okWrites = new ConcurrentHashMap<>(); // kind -> correlation ids
    private final ConcurrentLinkedQueue<String> raisedWhileConsentDown = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> notFailClosed = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicLong> lastOk = new ConcurrentHashMap<>(); // service -> nanos of its last 2xx
    private final List<FaultFigure> figures = Collections.synchronizedList(new ArrayList<>());

    /** Every fault of the schedule at least once, however long that takes (`./confide chaos`), or only while the minutes last. */
    final boolean everyFault;

    Chaos(Duration duration, long seed, double rate, boolean everyFault) {
        this.everyFault = everyFault;
        this.duration = duration;
        this.seed = seed;
        this.rate = rate;
        this.random = new Random(seed);
    }

    record FaultFigure(String fault, double downSeconds, double firstOkSeconds, double lagZeroSeconds) {}

    record Report(String table, List<String> failures) {}

    private static final class Org {
        final String name;
        final List<String> seeded = new ArrayList<>();
        final List<String> registered = Collections.synchronizedList(new ArrayList<>());
        String group;
        List<String> members = new ArrayList<>();

        Org(String name) {
            this.name = name;
        }
    }

    Report run() throws Exception {
        pg = PrivatePostgres.start();
        try {
            broker = KafkaBroker.own();
            say("PostgreSQL on " + pg.server() + ", Kafka on " + broker.bootstrapServers() + "; starting the services");
            system = new RunningSystem(broker, pg.server(), "faultchaos");
            // A second audit-service in the same consumer group (same database, same service name): they share the
            // partitions, and killing one makes the other take them over (a rebalance).
            audit2 = ServiceProcess.start("audit-service", system.startedWith("audit-service"))
                    .awaitReady(RESTART);
            for (String s : RunningSystem.SERVICES) {
                up.put(s, true);
                epoch.put(s, new AtomicInteger());
                lastOk.put(s, new AtomicLong());
            }
            up.put("audit-service-2", true);
            WRITES.forEach(k -> okWrites.put(k, ConcurrentHashMap.newKeySet()));
            seed();
            return loadAndFaults();
        } finally {
            loadOn = false;
            if (audit2 != null) audit2.close();
            if (system != null) system.stop();
            if (broker != null) broker.stop();
            pg.close();
        }
    }

    // ---- setup: per organisation, clients that consent- and disclosure-service know, and a group of two members

    private void seed() throws Exception {
        for (int i = 0; i < ORGS; i++) {
            Org org = new Org("chaos-" + run + "-" + i);
            for (int c = 0; c < SEEDED_CLIENTS; c++) {
                org.seeded.add(must(post("records-service", "practitioner", org, "/clients", registration()), 201)
                        .get("id")
                        .asText());
            }
            org.group = must(
                            post(
                                    "records-service",
                                    "practitioner",
                                    org,
                                    "/groups",
                                    "{\"kind\":\"PEER_GROUP\",\"name\":\"Chaos group\",\"programme\":\"GROUP\"}"),
                            201)
                    .get("id")
                    .asText();
            for (int m = 0; m < 2; m++) {
                org.members.add(must(
                                post(
                                        "records-service",
                                        "practitioner",
                                        org,
                                        "/groups/" + org.group + "/members",
                                        "{\"clientId\":\"" + org.seeded.get(m) + "\",\"groundRulesAgreed\":true}"),
                                201)
                        .get("memberId")
                        .asText());
            }
            orgs.add(org);
        }
        long deadline = System.currentTimeMillis() + 120_000;
        for (Org org : orgs) {
            for (String c : org.seeded) {
                while (get("consent-service", org, "/consents?clientId=" + c).statusCode() != 200
                        || get("disclosure-service", org, "/disclosures?clientId=" + c)
                                        .statusCode()
                                != 200) {
                    if (System.currentTimeMillis() > deadline)
                        throw new IllegalStateException("seeded clients never reached consent and disclosure");
                    Thread.sleep(300);
                }
            }
            // Half the seeded clients consent to their GP sharing risk information: disclosures about them are
            // CONSENTED when consent-service answers, and must not be while it is down.
            for (int c = 0; c < SEEDED_CLIENTS / 2; c++) {
                must(post("consent-service", "practitioner", org, "/consents", consent(org.seeded.get(c), "GP")), 201);
            }
        }
    }

    // ---- the run

    private Report loadAndFaults() throws Exception {
        loadStart = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        int threads = 6;
        for (int w = 0; w < threads; w++) {
            Random r = new Random(seed * 31 + w);
            long pauseNanos = (long) (threads * 1e9 / rate);
            workers.add(Thread.ofVirtual().start(() -> work(r, pauseNanos)));
        }
        Thread.ofVirtual().start(() -> {
            while (loadOn) {
                sleep(30_000);
                say(String.format(
                        "  load: %d sent, %d 2xx, %d 503, %d refused, %d other",
                        sent.get(), ok.get(), unavailable.get(), refused.get(), other.get()));
            }
        });
        long end = System.nanoTime() + duration.toNanos();
        List<String> schedule = new ArrayList<>(List.of(
                "kill consent-service",
                "kill disclosure-service",
                "kill records-service",
                "kill audit-service",
                "kill audit-service-2 (rebalance)",
                "stop Kafka 30 s",
                "stop PostgreSQL"));
        Collections.shuffle(schedule, random);
        say("fault schedule (seed " + seed + "): " + String.join(", ", schedule));
        sleep(5_000 + random.nextInt(5_000));
        int i = 0;
        // `./confide chaos`: every fault of the schedule at least once, whatever the minutes; further rounds while time
        // is left. The short run of `./confide test`: the schedule's faults in its seeded order while the minutes last.
        while ((everyFault && i < schedule.size()) || System.nanoTime() < end) {
            String fault = schedule.get(i++ % schedule.size());
            inject(fault);
            if ((!everyFault || i >= schedule.size()) && System.nanoTime() >= end) break;
            sleep(5_000 + random.nextInt(10_000));
        }
        loadOn = false;
        loadEnd = System.nanoTime();
        for (Thread t : workers) t.join(CLIENT_TIMEOUT.toMillis() + 5_000);
        say("load stopped; waiting for the outboxes to drain into the audit chain");
        return check();
    }

    private void inject(String fault) throws Exception {
        say("fault: " + fault);
        long start = System.nanoTime();
        double first;
        long restarted;
        if (fault.startsWith("kill ")) {
            String service = fault.substring(5).replace(" (rebalance)", "");
            if (service.equals("audit-service-2")) {
                up.put("audit-service-2", false);
                audit2.kill();
                sleep(2_000 + random.nextInt(4_000));
                restarted = System.nanoTime();
                audit2 = ServiceProcess.restart(audit2, system.startedWith("audit-service"));
                audit2.awaitReady(RESTART);
                up.put("audit-service-2", true);
                first = (System.nanoTime() - restarted) / 1e9; // ready again: it has no load of its own
            } else {
                up.put(service, false);
                epoch.get(service).incrementAndGet();
                dead.add(service);
                system.kill(service);
                clients.remove(service); // no pooled connection to the dead process is reused
                sleep(2_000 + random.nextInt(4_000));
                restarted = System.nanoTime();
                dead.remove(service);
                system.restart(service).awaitReady(RESTART);
                up.put(service, true);
                first = firstOkAfter(service, restarted);
            }
        } else if (fault.startsWith("stop Kafka")) {
            broker.stop();
            sleep(30_000);
            restarted = System.nanoTime();
            broker.start();
            first = firstOkAfter("records-service", restarted);
        } else {
            pg.stopServer();
            sleep(8_000 + random.nextInt(7_000));
            restarted = System.nanoTime();
            pg.startServer();
            first = firstOkAfter("records-service", restarted);
        }
        double lag = lagZeroAfter(restarted);
        figures.add(new FaultFigure(fault, (restarted - start) / 1e9, first, lag));
        say(String.format(
                "  recovered: first 2xx %.1f s after restart, consumer lag 0 %.1f s after restart", first, lag));
    }

    /** Seconds from {@code since} until {@code service} answered a 2xx (waited for up to 3 minutes). */
    private double firstOkAfter(String service, long since) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            long t = lastOk.get(service).get();
            if (t > since) return (t - since) / 1e9;
            Thread.sleep(100);
        }
        return Double.NaN;
    }

    /**
     * Seconds from {@code since} until every event the outboxes held at that moment was in the audit chain (the
     * consumers' lag, as far as it counts: events from before the restart, delivered).
     */
    private double lagZeroAfter(long since) throws InterruptedException {
        Map<String, Long> marks = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (marks.isEmpty()) {
                    for (String db : outboxDatabases())
                        marks.put(db, scalar(db, "SELECT coalesce(max(id), 0) FROM outbox_event"));
                }
                long missing = 0;
                for (String db : outboxDatabases()) {
                    List<String> ids =
                            strings(db, "SELECT event_id::text FROM outbox_event WHERE id <= " + marks.get(db));
                    missing += ids.size() - countInAudit(ids);
                }
                if (missing == 0) return (System.nanoTime() - since) / 1e9;
            } catch (SQLException databaseNotBackYet) {
                // PostgreSQL restarting: ask again
            }
            Thread.sleep(500);
        }
        return Double.NaN;
    }

    // ---- the load

    private void work(Random r, long pauseNanos) {
        long next = System.nanoTime();
        while (loadOn) {
            next += pauseNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) sleep(wait / 1_000_000);
            else next = System.nanoTime(); // behind (answers slow during a fault): no burst to catch up
            Org org = orgs.get(r.nextInt(orgs.size()));
            String client = org.seeded.get(r.nextInt(org.seeded.size()));
            int pick = r.nextInt(100);
            if (pick < 20) {
                Sent s = send(
                        "records-service", "practitioner", org, "POST", "/clients", registration(), "registration");
                if (s.ok()) org.registered.add(s.body().get("id").asText());
            } else if (pick < 35) {
                String target = org.registered.isEmpty() || r.nextBoolean()
                        ? client
                        : org.registered.get(r.nextInt(org.registered.size()));
                send("records-service", "practitioner", org, "POST", "/clients/" + target + "/notes", note(r), "note");
            } else if (pick < 45) {
                String[] to = {"MENTAL_HEALTH_TEAM", "REFERRER", "SUPERVISOR", "FAMILY"};
                send(
                        "consent-service",
                        "practitioner",
                        org,
                        "POST",
                        "/consents",
                        consent(client, to[r.nextInt(to.length)]),
                        "consent");
            } else if (pick < 60) {
                send("consent-service", "service", org, "POST", "/consent-decisions", decision(client, r), "decision");
            } else if (pick < 75) {
                raise(org, client);
            } else if (pick < 85) {
                send(
                        "records-service",
                        "practitioner",
                        org,
                        "POST",
                        "/groups/" + org.group + "/sessions",
                        "{\"sessionDate\":\"" + LocalDate.now().minusDays(1 + r.nextInt(300)) + "\",\"attendeeIds\":[\""
                                + String.join("\",\"", org.members) + "\"]}",
                        "group-session");
            } else if (pick < 95) {
                send("records-service", "practitioner", org, "GET", "/clients/" + client, null, null);
            } else {
                send("audit-service", "compliance", org, "GET", "/audit/entries?limit=5", null, null);
            }
        }
    }

    /** A concern about a client with (half of them) a consent to their GP, then the client's involvement. */
    private void raise(Org org, String client) {
        boolean consentDown = dead.contains("consent-service");
        // A case's events carry the case id as correlation id (docs/api.md), so the case id is what is checked.
        Sent s = send("disclosure-service", "practitioner", org, "POST", "/disclosures", concern(client), null);
        if (!s.ok()) return;
        String id = s.body().get("id").asText();
        okWrites.get("disclosure").add(id);
        // Only a raise that began and ended while no consent-service process existed is certainly fail-closed's to
        // judge (a replacement may answer before its readiness is seen, and then consent was really asked).
        if (consentDown && dead.contains("consent-service")) {
            raisedWhileConsentDown.add(id);
            boolean checked = s.body().path("consentChecked").asBoolean(true);
            String outcome = s.body().path("outcome").asText();
            if (checked || outcome.equals("CONSENTED"))
                notFailClosed.add(id + " " + outcome + " consentChecked=" + checked);
        }
        Sent step = send(
                "disclosure-service",
                "practitioner",
                org,
                "POST",
                "/disclosures/" + id + "/client-involvement",
                "{\"informed\":true,\"response\":\"AGREED\"}",
                null);
        if (step.ok()) okWrites.get("involvement").add(id);
    }

    record Sent(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2 && body != null;
        }
    }

    /** One request, counted and classified; {@code kind} names a write whose event the audit chain must hold. */
    private Sent send(String service, String role, Org org, String method, String path, String body, String kind) {
        String correlation = UUID.randomUUID().toString();
        boolean wasUp = up.get(service);
        int epochBefore = epoch.get(service).get();
        sent.incrementAndGet();
        try {
            HttpResponse<String> r = http(service)
                    .send(
                            request(service, role, org, method, path, body, correlation),
                            HttpResponse.BodyHandlers.ofString());
            int status = r.statusCode();
            if (status / 100 == 2) {
                ok.incrementAndGet();
                lastOk.get(service).accumulateAndGet(System.nanoTime(), Math::max);
                if (kind != null) okWrites.get(kind).add(correlation);
                return new Sent(status, JSON.readTree(r.body()));
            }
            if (status == 503
                    && r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                    && r.headers().firstValue("Retry-After").isPresent()) {
                unavailable.incrementAndGet();
            } else {
                otherExample(service + " " + method + " " + path + " -> " + status + " " + abbreviate(r.body()));
            }
            return new Sent(status, null);
        } catch (HttpTimeoutException e) {
            otherExample(
                    service + " " + method + " " + path + " -> no answer within " + CLIENT_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            // A killed process: refused before its restart, or cut off in the middle of this request.
            boolean killed = !wasUp || !up.get(service) || epoch.get(service).get() != epochBefore;
            if (killed) refused.incrementAndGet();
            else
                otherExample(service + " " + method + " " + path + " -> "
                        + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Sent(0, null);
    }

    private void otherExample(String what) {
        other.incrementAndGet();
        if (otherExamples.size() < 20) otherExamples.add(what);
    }

    private HttpClient http(String service) {
        return clients.computeIfAbsent(
                service,
                s -> HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build());
    }

    private HttpRequest request(
            String service, String role, Org org, String method, String path, String body, String correlation) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(system.url(service) + path))
                .timeout(CLIENT_TIMEOUT)
                .header(
                        "Authorization",
                        "Bearer " + Tokens.token(role, org.name, role.equals("practitioner") ? PRAC : role + "-1"))
                .header("X-Correlation-Id", correlation)
                .header("Content-Type", "application/json");
        return body == null
                ? b.GET().build()
                : b.method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> get(String service, Org org, String path) throws Exception {
        return http(service)
                .send(
                        request(
                                service,
                                "practitioner",
                                org,
                                "GET",
                                path,
                                null,
                                UUID.randomUUID().toString()),
                        HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode post(String service, String role, Org org, String path, String body) throws Exception {
        HttpResponse<String> r = http(service)
                .send(
                        request(
                                service,
                                role,
                                org,
                                "POST",
                                path,
                                body,
                                UUID.randomUUID().toString()),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode n = JSON.readTree(r.body().isEmpty() ? "{}" : r.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("_status", r.statusCode());
        return n;
    }

    private static JsonNode must(JsonNode answer, int status) {
        if (answer.path("_status").asInt() != status)
            throw new IllegalStateException("setup request answered " + answer);
        return answer;
    }

    private static String registration() {
        return "{\"identity\":{\"fullName\":\"Chaos Client\",\"dateOfBirth\":\"1990-04-01\"},"
                + "\"programme\":\"ONE_TO_ONE\",\"limitsExplained\":true}";
    }

    private static String note(Random r) {
        return "{\"sessionDate\":\"" + LocalDate.now().minusDays(r.nextInt(60))
                + "\",\"kind\":\"SESSION\",\"body\":\"session notes " + r.nextInt(1000) + "\"}";
    }

    private static String consent(String client, String recipient) {
        return "{\"clientId\":\"" + client + "\",\"recipient\":{\"type\":\"" + recipient
                + "\"},\"categories\":[\"RISK_INFORMATION\"],"
                + "\"purpose\":\"SAFEGUARDING\",\"method\":\"WRITTEN_SIGNED\",\"explained\":true}";
    }

    private static String decision(String client, Random r) {
        String[] to = {"GP", "MENTAL_HEALTH_TEAM", "REFERRER"};
        return "{\"clientId\":\"" + client + "\",\"recipientType\":\"" + to[r.nextInt(to.length)]
                + "\",\"category\":\"RISK_INFORMATION\",\"purpose\":\"SAFEGUARDING\"}";
    }

    private static String concern(String client) {
        return "{\"clientId\":\"" + client + "\",\"grounds\":[\"RISK_TO_SELF\"],\"immediacy\":\"CHRONIC\","
                + "\"context\":\"ONE_TO_ONE\",\"summary\":\"low mood, plans\",\"proposedRecipients\":[{\"type\":\"GP\"}],"
                + "\"categories\":[\"RISK_INFORMATION\"]}";
    }

    // ---- the checks

    private Report check() throws Exception {
        List<String> failures = new ArrayList<>();
        // Everything delivered: every outbox row sent and in the chain (up to 5 minutes after the load).
        double drain = lagZeroAfter(System.nanoTime());
        if (Double.isNaN(drain)) failures.add("the outboxes did not drain into the audit chain within 5 minutes");
        Map<String, Integer> outboxEvents = new LinkedHashMap<>();
        Set<String> allOutbox = new HashSet<>();
        for (String db : outboxDatabases()) {
            List<String> ids = strings(db, "SELECT event_id::text FROM outbox_event");
            outboxEvents.put(db, ids.size());
            allOutbox.addAll(ids);
        }
        String audit = auditDatabase();
        List<String> auditIds = strings(audit, "SELECT event_id FROM audit_entry");
        Set<String> inAudit = new HashSet<>(auditIds);
        long duplicates = auditIds.size() - inAudit.size();
        Set<String> lost = new HashSet<>(allOutbox);
        lost.removeAll(inAudit);
        long deadLetters = scalar(audit, "SELECT count(*) FROM dead_letter");
        Set<String> correlations = new HashSet<>(
                strings(audit, "SELECT DISTINCT correlation_id FROM audit_entry WHERE correlation_id IS NOT NULL"));
        Map<String, Long> writesWithoutEvent = new LinkedHashMap<>();
        long okWriteCount = 0;
        // A case's steps: as many entries from disclosure-service under its id as steps answered 2xx.
        Map<String, Long> caseEntries = new HashMap<>();
        try (Connection c = connect(audit);
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT correlation_id, count(*) FROM audit_entry"
                                + " WHERE source = 'disclosure-service' GROUP BY correlation_id")) {
            while (rs.next()) caseEntries.put(rs.getString(1), rs.getLong(2));
        }
        for (String kind : WRITES) {
            Set<String> ids = okWrites.get(kind);
            okWriteCount += ids.size();
            long missing = switch (kind) {
                case "disclosure" ->
                    ids.stream()
                            .filter(id -> caseEntries.getOrDefault(id, 0L) < 1)
                            .count();
                case "involvement" ->
                    ids.stream()
                            .filter(id -> caseEntries.getOrDefault(id, 0L) < 2)
                            .count();
                default -> ids.stream().filter(c -> !correlations.contains(c)).count();
            };
            writesWithoutEvent.put(kind, missing);
        }
        long missingWrites =
                writesWithoutEvent.values().stream().mapToLong(Long::longValue).sum();
        // Chains and checkpoints, per organisation, from the first entry.
        List<String> verify = new ArrayList<>();
        for (Org org : orgs) {
            HttpResponse<String> r = http("audit-service")
                    .send(
                            request(
                                    "audit-service",
                                    "compliance",
                                    org,
                                    "GET",
                                    "/audit/verify?full=true",
                                    null,
                                    "chaos-verify"),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode v = JSON.readTree(r.body());
            boolean valid = r.statusCode() == 200 && v.path("valid").asBoolean();
            verify.add(org.name + ": " + (valid ? "valid" : "INVALID") + ", "
                    + v.path("checked").asLong() + " entries, "
                    + v.path("checkpointsChecked").asLong() + " checkpoints");
            if (!valid) failures.add("audit chain of " + org.name + " does not verify: " + r.body());
        }

        if (other.get() > 0)
            failures.add(other.get() + " unexpected answers, e.g. " + String.join(" | ", otherExamples));
        if (!lost.isEmpty())
            failures.add(lost.size() + " outbox events are not in the audit chain, e.g. "
                    + lost.iterator().next());
        if (duplicates > 0) failures.add(duplicates + " events are in the audit chain more than once");
        if (deadLetters > 0) failures.add(deadLetters + " messages were set aside as dead letters");
        if (missingWrites > 0)
            failures.add(missingWrites + " 2xx writes have no event in the audit chain: " + writesWithoutEvent);
        if (!notFailClosed.isEmpty())
            failures.add("disclosures raised while consent-service was down were not fail-closed: " + notFailClosed);
        for (FaultFigure f : figures) {
            if (Double.isNaN(f.firstOkSeconds()) || Double.isNaN(f.lagZeroSeconds()))
                failures.add("no recovery after " + f.fault());
        }

        StringBuilder t = new StringBuilder();
        t.append(String.format(
                "%nConfide chaos run: %.1f min of load, seed %d, %.0f req/s offered%n",
                (loadEnd - loadStart) / 6e10, seed, rate));
        t.append(String.format("| requests sent | 2xx | 503 problem+json | refused by a killed process | other |%n"));
        t.append(String.format("|---|---|---|---|---|%n"));
        t.append(String.format(
                "| %d | %d | %d | %d | %d |%n", sent.get(), ok.get(), unavailable.get(), refused.get(), other.get()));
        t.append(
                String.format(
                        "%n| 2xx writes | without their event | outbox events | in the chain | lost | duplicates | dead letters |%n"));
        t.append(String.format("|---|---|---|---|---|---|---|%n"));
        t.append(String.format(
                "| %d (%s) | %d | %d | %d | %d | %d | %d |%n",
                okWriteCount,
                kinds(),
                missingWrites,
                allOutbox.size(),
                auditIds.size(),
                lost.size(),
                duplicates,
                deadLetters));
        t.append(String.format(
                "%n| fault | down (s) | first 2xx after restart (s) | lag back to 0 after restart (s) |%n"));
        t.append(String.format("|---|---|---|---|%n"));
        for (FaultFigure f : figures) {
            t.append(String.format(
                    "| %s | %.1f | %.1f | %.1f |%n",
                    f.fault(), f.downSeconds(), f.firstOkSeconds(), f.lagZeroSeconds()));
        }
        t.append(String.format("%nchains: %s%n", String.join("; ", verify)));
        t.append(String.format(
                "disclosures raised while consent-service was down: %d, all fail-closed: %s%n",
                raisedWhileConsentDown.size(), notFailClosed.isEmpty() ? "yes" : "NO " + notFailClosed));
        t.append(String.format("drained %.1f s after the load stopped%n", drain));
        t.append(
                failures.isEmpty()
                        ? "RESULT: nothing lost, nothing duplicated, no unexpected answer\n"
                        : "RESULT: FAILED\n  " + String.join("\n  ", failures) + "\n");
        return new Report(t.toString(), failures);
    }

    private String kinds() {
        List<String> parts = new ArrayList<>();
        for (String k : WRITES) parts.add(k + " " + okWrites.get(k).size());
        return String.join(", ", parts);
    }

    // ---- the databases, read directly

    private List<String> outboxDatabases() {
        List<String> dbs = new ArrayList<>();
        for (String s : List.of("consent-service", "disclosure-service", "records-service"))
            dbs.add(system.startedWith(s).get("quarkus.datasource.jdbc.url"));
        return dbs;
    }

    private String auditDatabase() {
        return system.startedWith("audit-service").get("quarkus.datasource.jdbc.url");
    }

    private long countInAudit(List<String> ids) throws SQLException {
        if (ids.isEmpty()) return 0;
        try (Connection c = connect(auditDatabase());
                PreparedStatement st = c.prepareStatement("SELECT count(*) FROM audit_entry WHERE event_id = ANY(?)")) {
            st.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long scalar(String url, String sql) throws SQLException {
        try (Connection c = connect(url);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(String url, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(url);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private void say(String s) {
        System.out.printf("[chaos %6.1f s] %s%n", (System.nanoTime() - t0) / 1e9, s);
        System.out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
