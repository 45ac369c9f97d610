package org.confide.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the benchmarks against a running Confide (started by {@code ./confide up}); {@code ./confide bench} passes
 * the arguments. Every figure is printed beside a baseline measured in the same run on the same machine.
 *
 * <pre>
 * --only decisions,ingest,endtoend,queries,startup   which benchmarks (default: all)
 * --steps 1000 --disclosure-url URL --practitioner-token JWT (sub bench-practitioner, org --org) (endtoend)
 * --log-entries 10000000 --log-clients 100000 --audit-url URL --compliance-token JWT (of org bench-log)
 * --log-increment 100000       entries appended for the incremental verify (queries)
 * --clients 10000 --consents 100000 --concurrency 1,4,16,64 --warmup-seconds 5 --measure-seconds 15
 * --consent-url URL --org ORG --manager-token JWT --service-token JWT   (decisions: tokens of that org)
 * --events 1000000 --orgs 10   ingest size
 * --kafka HOST:PORT --db-server jdbc:postgresql://HOST:PORT --db-user U --db-password P
 * --service NAME=JAR[@PID]     each service jar (and the pid of its running instance), repeatable
 * --jvm-options FILE           the services' JVM options (deploy/jvm.options), given to each measured start as @FILE
 * --service-jvm-arg NAME=ARG   one more JVM option for that service's measured start (its start-up archive), repeatable
 * --db-suffix _systest        appended to each service's database name (the smoke test's databases)
 * --pid NAME=PID               a running service of the stack that is not measured at start, repeatable (its CPU row)
 * --kafka-pid PID --postgres-pid PID   the stack's broker and PostgreSQL postmaster (CPU rows count only these)
 * --settle-seconds 180         longest wait, before each part and phase, for the machine to be quiet again
 * --jwt-public-key FILE --results DIR
 * --audit-signing-key FILE     audit-service's checkpoint key for its measured start (a production start never makes one)
 * </pre>
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> opts = parse(args);
        Set<String> only = Set.copyOf(List.of(
                one(opts, "only", "decisions,ingest,endtoend,queries,startup").split(",")));
        System.out.printf(
                "# Confide benchmarks on %d cores, Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        CpuMeter.maxSettle = java.time.Duration.ofSeconds(Long.parseLong(one(opts, "settle-seconds", "180")));
        Results results = new Results(Path.of(one(opts, "results", "bench/results")));
        String dbServer = one(opts, "db-server", "jdbc:postgresql://127.0.0.1:5432");
        String dbUser = one(opts, "db-user", "postgres");
        String dbPassword = one(opts, "db-password", "");
        String kafka = one(opts, "kafka", "127.0.0.1:9092");
        String suffix = one(opts, "db-suffix", "");
        // On a shared machine only the measured stack's processes are charged to its parts.
        for (String spec : opts.getOrDefault("service", List.of())) {
            if (spec.contains("@")) {
                CpuMeter.OWNERS.put(
                        Long.valueOf(spec.substring(spec.indexOf('@') + 1)), spec.substring(0, spec.indexOf('=')));
            }
        }
        for (String spec : opts.getOrDefault("pid", List.of())) {
            CpuMeter.OWNERS.put(
                    Long.valueOf(spec.substring(spec.indexOf('=') + 1)), spec.substring(0, spec.indexOf('=')));
        }
        String kafkaPid = one(opts, "kafka-pid", null);
        if (kafkaPid != null && !CpuMeter.OWNERS.isEmpty()) CpuMeter.OWNERS.put(Long.valueOf(kafkaPid), "kafka");
        String postgresPid = one(opts, "postgres-pid", null);
        if (postgresPid != null && !CpuMeter.OWNERS.isEmpty()) {
            CpuMeter.OWNERS.put(Long.valueOf(postgresPid), "postgres");
            CpuMeter.OWNERS.put(-Long.parseLong(postgresPid), "postgres"); // its backends, by parent
        }
        if (only.contains("decisions")) {
            int[] concurrencies = java.util.Arrays.stream(
                            one(opts, "concurrency", "1,4,16,64").split(","))
                    .mapToInt(Integer::parseInt)
                    .toArray();
            new DecisionBench(
                            one(opts, "consent-url", "http://127.0.0.1:8081"),
                            kafka,
                            one(opts, "org", "bench-org"),
                            required(opts, "manager-token"),
                            required(opts, "service-token"),
                            dbServer + "/confide_consent" + suffix,
                            dbUser,
                            dbPassword)
                    .run(
                            results,
                            Integer.parseInt(one(opts, "clients", "10000")),
                            Integer.parseInt(one(opts, "consents", "100000")),
                            concurrencies,
                            java.time.Duration.ofSeconds(Long.parseLong(one(opts, "warmup-seconds", "5"))),
                            java.time.Duration.ofSeconds(Long.parseLong(one(opts, "measure-seconds", "15"))));
        }
        if (only.contains("ingest")) {
            new IngestBench(kafka, dbServer + "/confide_audit" + suffix, dbUser, dbPassword)
                    .run(
                            results,
                            Integer.parseInt(one(opts, "events", "1000000")),
                            Integer.parseInt(one(opts, "orgs", "10")));
        }
        if (only.contains("endtoend")) {
            CpuMeter.settle();
            new EndToEndBench(
                            one(opts, "disclosure-url", "http://127.0.0.1:8082"),
                            one(opts, "audit-url", "http://127.0.0.1:8084"),
                            kafka,
                            one(opts, "org", "bench-org"),
                            required(opts, "practitioner-token"),
                            required(opts, "org-compliance-token"))
                    .run(results, Integer.parseInt(one(opts, "steps", "1000")), 8, "bench-practitioner");
        }
        if (only.contains("queries")) {
            CpuMeter.settle();
            new AuditQueryBench(
                            one(opts, "audit-url", "http://127.0.0.1:8084"),
                            dbServer + "/confide_audit" + suffix,
                            dbUser,
                            dbPassword,
                            Long.parseLong(one(opts, "log-increment", "100000")))
                    .run(
                            results,
                            Long.parseLong(one(opts, "log-entries", "10000000")),
                            Integer.parseInt(one(opts, "log-clients", "100000")),
                            one(opts, "log-org", "bench-log"),
                            required(opts, "compliance-token"),
                            java.time.Duration.ofSeconds(Long.parseLong(one(opts, "warmup-seconds", "5"))),
                            java.time.Duration.ofSeconds(Long.parseLong(one(opts, "measure-seconds", "15"))));
        }
        if (only.contains("startup")) {
            CpuMeter.settle();
            List<StartupBench.Service> services = new ArrayList<>();
            for (String spec : opts.getOrDefault("service", List.of())) {
                String name = spec.substring(0, spec.indexOf('='));
                String rest = spec.substring(spec.indexOf('=') + 1);
                Long pid = rest.contains("@") ? Long.valueOf(rest.substring(rest.indexOf('@') + 1)) : null;
                Path jar = Path.of(rest.contains("@") ? rest.substring(0, rest.indexOf('@')) : rest);
                Map<String, String> config = new HashMap<>();
                config.put(
                        "quarkus.datasource.jdbc.url", dbServer + "/confide_" + name.replace("-service", "") + suffix);
                config.put("kafka.bootstrap.servers", kafka);
                config.put(
                        "mp.jwt.verify.publickey.location", one(opts, "jwt-public-key", ".confide/keys/publicKey.pem"));
                if (name.equals("audit-service")) {
                    // audit-service refuses to start in prod without its signing key: the running stack's.
                    config.put(
                            "confide.audit.signing-key",
                            Path.of(one(opts, "audit-signing-key", ".confide/keys/audit-signing.key"))
                                    .toAbsolutePath()
                                    .toString());
                }
                if (name.equals("records-service")) {
                    config.put("confide.records.master-key", recordsMasterKey(opts));
                    config.put("quarkus.datasource.\"keys\".jdbc.url", dbServer + "/confide_records_keys" + suffix);
                }
                if (!name.equals("audit-service")) {
                    config.put("confide.idempotency.secret", idempotencySecret(name));
                }
                List<String> jvmArgs = new ArrayList<>();
                String jvmOptions = one(opts, "jvm-options", null);
                if (jvmOptions != null) jvmArgs.add("@" + Path.of(jvmOptions).toAbsolutePath());
                for (String arg : opts.getOrDefault("service-jvm-arg", List.of())) {
                    if (arg.startsWith(name + "=")) jvmArgs.add(arg.substring(name.length() + 1));
                }
                services.add(new StartupBench.Service(name, jar, config, pid, jvmArgs));
            }
            new StartupBench().run(results, services);
        }
    }

    /** records-service refuses to start in prod without its master key: the running stack's, else a throwaway one. */
    private static String recordsMasterKey(Map<String, List<String>> opts) {
        String given = one(opts, "records-master-key", System.getenv("CONFIDE_RECORDS_MASTER_KEY"));
        if (given != null && !given.isBlank()) return given;
        Path file = Path.of(".confide/keys/records-master.key");
        if (Files.isReadable(file)) return file.toAbsolutePath().toString();
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    /** A service with Idempotency-Key routes refuses to start in prod without its key: the running stack's, else a throwaway one. */
    private static String idempotencySecret(String service) {
        Path file = Path.of(".confide/keys/" + service + "-idempotency.key");
        if (Files.isReadable(file)) return file.toAbsolutePath().toString();
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            opts.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
        return opts;
    }

    private static String required(Map<String, List<String>> opts, String name) {
        String v = one(opts, name, null);
        if (v == null) throw new IllegalArgumentException("--" + name + " is required");
        return v;
    }

    private static String one(Map<String, List<String>> opts, String name, String fallback) {
        List<String> v = opts.get(name);
        return v == null || v.isEmpty() ? fallback : v.getLast();
    }
}
