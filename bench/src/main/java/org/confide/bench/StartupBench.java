package org.confide.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each service: time from process start to ready, and resident memory. A second instance of each service is
 * started beside the running stack (its own port, no relay or consumer) and stopped again; the running
 * instances' memory is read from /proc after the other benchmarks ran. The second instance gets the JVM options
 * the running one got ({@code @deploy/jvm.options} and its start-up archive), so the figure is that of a real start.
 */
final class StartupBench {

    /** jvmArgs: the options {@code ./confide up} starts this service with (an {@code @argfile}, the archive). */
    record Service(String name, Path jar, Map<String, String> config, Long runningPid, List<String> jvmArgs) {}

    void run(Results results, List<Service> services) throws Exception {
        for (Service s : services) {
            Measured m = startOnce(s);
            Map<String, Object> extra = new java.util.HashMap<>(Map.of("service", s.name()));
            double runningRss = s.runningPid() == null ? Double.NaN : rssMb(s.runningPid());
            if (!Double.isNaN(runningRss)) extra.put("runningRssMb", runningRss);
            results.row(
                    "startup",
                    s.name() + " start to ready",
                    m.seconds * 1000,
                    "ms",
                    Double.NaN,
                    "",
                    "< 3000 ms",
                    extra);
            results.row("startup", s.name() + " RSS at ready", m.rssMb, "MB", Double.NaN, "", "< 300 MB", extra);
            if (!Double.isNaN(runningRss)) {
                results.row(
                        "startup",
                        s.name() + " RSS after the run",
                        runningRss,
                        "MB",
                        Double.NaN,
                        "",
                        "< 300 MB",
                        extra);
            }
        }
    }

    private record Measured(double seconds, double rssMb) {}

    private Measured startOnce(Service s) throws Exception {
        int port;
        try (ServerSocket sock = new ServerSocket(0)) {
            port = sock.getLocalPort();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(s.jvmArgs());
        cmd.add("-Dquarkus.http.port=" + port);
        // A measuring instance must not take work from the running one.
        cmd.add("-Dconfide.platform.outbox.enabled=false");
        cmd.add("-Dconfide.allocation-copy.enabled=false");
        cmd.add("-Dconfide.audit.ingest-enabled=false");
        s.config().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(s.jar().toString());
        HttpClient http = HttpClient.newHttpClient();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && p.isAlive()) {
                try {
                    HttpResponse<Void> r = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(1))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return new Measured((System.nanoTime() - t0) / 1e9, rssMb(p.pid()));
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException(s.name() + " did not become ready within 60 s");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    /** VmRSS of a process, in MB, from /proc. */
    static double rssMb(long pid) throws IOException {
        Path status = Path.of("/proc/" + pid + "/status");
        if (!Files.exists(status)) return Double.NaN; // the running instance is gone: no figure rather than a wrong one
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
