package org.confide.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load generator: {@code concurrency} virtual threads each send a request, wait for the answer and
 * send the next, for a warm-up (discarded) and then a measured period. Latencies go to an HdrHistogram.
 */
final class HttpLoad {

    /** {@code cpuMsPerRequest}: CPU milliseconds per measured request, by part of the system ({@link CpuMeter}). */
    record Result(
            double throughput,
            double p50Ms,
            double p99Ms,
            long requests,
            long errors,
            Map<String, Double> cpuMsPerRequest) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final int MIN_SAMPLES = 5;

    /** {@code request} builds the i-th request of a thread (so each may vary); a non-2xx answer counts as an error. */
    Result run(IntFunction<HttpRequest> request, int concurrency, Duration warmup, Duration measure) throws Exception {
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        long end = warmupEnd + measure.toNanos();
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastDone = new AtomicLong(warmupEnd);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Histogram h = new Histogram(60_000_000_000L, 3);
            histograms.add(h);
            threads.add(Thread.ofVirtual().start(() -> {
                int i = 0;
                while (true) {
                    long start = System.nanoTime();
                    // A slow machine still yields a figure: each thread measures at least MIN_SAMPLES requests.
                    if (start >= end && h.getTotalCount() >= MIN_SAMPLES) return;
                    boolean ok;
                    try {
                        HttpResponse<Void> r = http.send(request.apply(i++), HttpResponse.BodyHandlers.discarding());
                        ok = r.statusCode() / 100 == 2;
                    } catch (Exception e) {
                        ok = false;
                    }
                    long done = System.nanoTime();
                    if (start >= warmupEnd) {
                        h.recordValue(done - start);
                        lastDone.accumulateAndGet(done, Math::max);
                        if (!ok) errors.incrementAndGet();
                    }
                }
            }));
        }
        // CPU is counted over the measured period: from the end of the warm-up until the last answer.
        Thread.sleep(Math.max(0, (warmupEnd - System.nanoTime()) / 1_000_000));
        CpuMeter.Snapshot cpuBefore = CpuMeter.snapshot();
        for (Thread t : threads) t.join();
        CpuMeter.Snapshot cpuAfter = CpuMeter.snapshot();
        Histogram all = new Histogram(60_000_000_000L, 3);
        histograms.forEach(all::add);
        double measuredSeconds = Math.max(measure.toNanos(), lastDone.get() - warmupEnd) / 1e9;
        return new Result(
                all.getTotalCount() / measuredSeconds,
                all.getValueAtPercentile(50) / 1e6,
                all.getValueAtPercentile(99) / 1e6,
                all.getTotalCount(),
                errors.get(),
                cpuAfter.perRequestMs(cpuBefore, all.getTotalCount()));
    }
}
