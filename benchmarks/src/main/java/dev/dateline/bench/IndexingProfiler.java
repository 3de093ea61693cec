package dev.dateline.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Secondary metrics of {@link IndexingBenchmark}, per iteration: {@code articles/s}, final index
 * {@code bytes/article}, {@code cpu.s} (CPU seconds of the whole JVM during the iteration: a cost
 * that waits on a busy machine inflate less than the elapsed time), and {@code peak.heap.MB}, the most heap in use at any point of the
 * iteration (read from each collection's "before" usage, as the heap is fullest just before a
 * collection, and from the usage at the end). The baseline (corpus in memory) is included; it is
 * reported separately as {@code baseline.heap.MB}, the heap in use after a full collection once
 * the benchmark has loaded its articles ({@link #iterationStarts}, called from the benchmark's
 * per-iteration setup: JMH's {@code beforeIteration} hook runs before the trial setup of the
 * first iteration, so without a warm-up iteration the baseline and the clock would have started
 * before the articles were loaded).
 *
 * <p>Use with {@code -prof dev.dateline.bench.IndexingProfiler}.
 */
public final class IndexingProfiler implements InternalProfiler {
  private static final AtomicLong PEAK = new AtomicLong();
  private static volatile long articles;
  private static volatile long bytes;
  private static boolean listening;
  private static volatile long baseline;
  private static volatile long start;
  private static volatile long cpuStart;

  @Override
  public String getDescription() {
    return "Dateline indexing: articles/s, index bytes per article, peak heap";
  }

  /** Called by the benchmark at the end of each iteration. */
  static void indexed(long count, long indexBytes) {
    articles = count;
    bytes = indexBytes;
  }

  /** Called by the benchmark once its articles are in memory, just before the measured work. */
  static void iterationStarts() {
    listen();
    System.gc();
    baseline = used();
    PEAK.set(baseline);
    cpuStart = cpu();
    start = System.nanoTime();
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    listen();
  }

  @Override
  public List<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (cpu() - cpuStart) / 1e9;
    PEAK.accumulateAndGet(used(), Math::max);
    double mb = 1024.0 * 1024.0;
    return List.of(
        new ScalarResult("articles/s", articles / seconds, "articles/s", AggregationPolicy.AVG),
        new ScalarResult("bytes/article", bytes / (double) Math.max(1, articles), "bytes", AggregationPolicy.AVG),
        new ScalarResult("peak.heap.MB", PEAK.get() / mb, "MB", AggregationPolicy.MAX),
        new ScalarResult("baseline.heap.MB", baseline / mb, "MB", AggregationPolicy.AVG),
        new ScalarResult("cpu.s", cpuSeconds, "s", AggregationPolicy.AVG));
  }

  /** CPU time of the whole JVM (all threads: indexing, merges, GC, JIT), in nanoseconds. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long used() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static synchronized void listen() {
    if (listening) {
      return;
    }
    listening = true;
    Set<String> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .map(MemoryPoolMXBean::getName)
        .collect(Collectors.toSet());
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
          return;
        }
        GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long before = info.getGcInfo().getMemoryUsageBeforeGc().entrySet().stream()
            .filter(e -> heap.contains(e.getKey()))
            .mapToLong(e -> e.getValue().getUsed())
            .sum();
        PEAK.accumulateAndGet(before, Math::max);
      }, null, null);
    }
  }
}
