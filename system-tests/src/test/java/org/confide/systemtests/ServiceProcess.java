package org.confide.systemtests;

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

/** A Confide service started from its built jar as a separate process, as `./confide up` runs it. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(String name, Map<String, String> config) throws IOException {
        return start(name, config, Map.of());
    }

    /** Started with {@code env} added to this JVM's environment (the settings production gives as variables). */
    static ServiceProcess start(String name, Map<String, String> config, Map<String, String> env) throws IOException {
        return start(name, config, env, freePort());
    }

    /** Started again on the port of {@code previous} (a restart after a kill: callers keep the same URL). */
    static ServiceProcess restart(ServiceProcess previous, Map<String, String> config) throws IOException {
        return start(previous.name, config, Map.of(), previous.port);
    }

    static ServiceProcess start(String name, Map<String, String> config, Map<String, String> env, int port)
            throws IOException {
        Path root = Path.of(System.getProperty("confide.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw verify builds them)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Xmx128m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Djava.net.preferIPv4Stack=true");
        cmd.add("-Dquarkus.http.port=" + port);
        config.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar.toString());
        // One log per process: a test may run a second instance of a service beside the shared one.
        Path log = root.resolve("system-tests/target/" + name + "-" + port + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process p = builder.start();
        return new ServiceProcess(name, port, p, log);
    }

    /** Waits until {@code /q/health/ready} says UP (database migrated, Kafka reachable). */
    ServiceProcess awaitReady() throws Exception {
        return awaitReady(Duration.ofSeconds(120));
    }

    /** As {@link #awaitReady()}, waiting up to {@code timeout} (a restart on a machine busy with a fault run). */
    ServiceProcess awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up:\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return this;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s:\n" + tail());
    }

    /** Waits for a process that is meant to end by itself (a migrate step, a start that must refuse); its exit status. */
    int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            close();
            throw new IllegalStateException(name + " still running after " + timeout + ":\n" + tail());
        }
        return process.exitValue();
    }

    /** Everything the process wrote. */
    String log() throws IOException {
        return Files.readString(log);
    }

    long pid() {
        return process.pid();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** A free loopback port, for every process and server the system tests start. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** {@code kill -9}: no shutdown hook runs, in-flight requests and batches are cut off where they are. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
