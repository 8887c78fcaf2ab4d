package org.evalbook.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark, in one sitting on one generated folder: the baseline readers ({@code raw}, the unzip + SAX floor,
 * and {@code poi}, POI's usermodel) and {@code evalbook consolidate} with its default settings under {@code -Xmx1g},
 * the floor and evalbook in turn for a number of rounds; files, wall time, files per second, the ratios, and peak
 * heap from each JVM's GC log.
 *
 * <p>Arguments: {@code N SEED CACHE_DIR BASELINE_DIR EVALBOOK_JAR THREADS ROUNDS}; run by {@code mvn -P bench verify}.
 */
public final class BenchRun {
    private static final Pattern BASELINE = Pattern.compile("files=(\\d+).*seconds=([0-9.]+) files_per_s=([0-9.]+)");
    private static final Pattern RECEIVED = Pattern.compile("收到文件 (\\d+) 个");

    /** One mode's figures; {@code worker} is the largest over the worker JVMs (evalbook only). */
    private record Measured(String mode, long files, double wallSeconds, double filesPerSecond, Optional<GcPeak> parent,
                            Optional<GcPeak> worker, String note) {
        String line(Optional<Measured> raw, Optional<Measured> poi) {
            return String.format(Locale.ROOT, "  %-9s %6d %8.1f %10.1f %9s %9s %18s %18s   %s", mode, files, wallSeconds, filesPerSecond,
                    ratio(raw), ratio(poi), heap(parent), heap(worker), note);
        }

        private String ratio(Optional<Measured> base) {
            return base.filter(b -> b != this).map(b -> String.format(Locale.ROOT, "%.3f", filesPerSecond / b.filesPerSecond())).orElse("-");
        }

        private static String heap(Optional<GcPeak> peak) {
            return peak.map(p -> p.peakMb() + " / " + p.liveMb()).orElse("-");
        }
    }

    private BenchRun() {
    }

    /** Arguments: {@code N[,N…] SEED CACHE_DIR BASELINE_DIR EVALBOOK_JAR THREADS ROUNDS}; several sizes run one after the other. */
    public static void main(String[] args) throws Exception {
        List<Integer> sizes = java.util.Arrays.stream(args[0].split(",")).map(String::strip).map(Integer::parseInt).toList();
        List<Measured> evalbook = new ArrayList<>();
        for (int n : sizes) {
            evalbook.add(size(n, args));
        }
        for (int i = 1; i < sizes.size(); i++) {
            GcPeak small = evalbook.get(0).parent().orElseThrow();
            GcPeak large = evalbook.get(i).parent().orElseThrow();
            System.out.printf(Locale.ROOT, "evalbook parent heap N=%d / N=%d: peak %d / %d MB = %.2f, live %d / %d MB = %.2f%n", sizes.get(i),
                    sizes.get(0), large.peakMb(), small.peakMb(), (double) large.peakMb() / small.peakMb(), large.liveMb(), small.liveMb(),
                    (double) large.liveMb() / Math.max(1, small.liveMb()));
        }
    }

    private static Measured size(int n, String[] args) throws Exception {
        long seed = Long.parseLong(args[1]);
        Path cache = Path.of(args[2]).toAbsolutePath().normalize();
        Path baseline = Path.of(args[3]).toAbsolutePath().normalize();
        Path jar = Path.of(args[4]).toAbsolutePath().normalize();
        String threads = args[5];
        int rounds = Integer.parseInt(args[6]);
        long started = System.nanoTime();
        boolean cached = Files.isDirectory(cache.resolve("n" + n + "-seed" + seed + "-v" + BenchInbox.VERSION));
        BenchInbox.Layout layout = BenchInbox.generate(n, seed, cache);
        List<BenchInbox.Expected> manifest = BenchInbox.manifest(layout);
        long readable = manifest.stream().filter(e -> List.of("已采用", "被替代", "未匹配").contains(e.state())).count();
        System.out.printf(Locale.ROOT, "evalbook bench: N=%d seed=%d folder %s (%s, %d MB on disk)%n", n, seed, layout.root(),
                cached ? "reused" : String.format(Locale.ROOT, "generated in %.1f s", (System.nanoTime() - started) / 1e9),
                megabytes(layout.inbox()));
        System.out.printf(Locale.ROOT, "  inbox: %d files (%d well-formed returns; the rest: truncated, text, PDF, lock files), roster %d units, %d with a planted error%n",
                manifest.size(), readable, n, manifest.stream().filter(e -> e.state().equals("已采用") && !e.plantedCode().equals("-")).count());
        Path run = Files.createDirectories(layout.root().resolve("runs").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        warmCache(layout.inbox());
        Optional<Path> baselineJar = baselineJar(baseline);
        if (baselineJar.isEmpty()) {
            System.out.println("  baseline: skipped — no baseline bench at " + baseline + " (set -Dbench.baseline=DIR)");
        }
        Optional<Measured> poi = baselineJar.isEmpty() ? Optional.empty() : Optional.of(baseline(baselineJar.get(), "poi", layout.readable(), threads, run));
        // The floor and evalbook run in turn, round after round, and each figure is the median of its rounds: the
        // machine's speed drifts by a fifth within minutes, and one floor run beside one evalbook run can catch it
        // fast for the one and slow for the other. Each round's own ratio is printed too.
        List<Measured> raws = new ArrayList<>();
        List<Measured> evalbooks = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createDirectories(run.resolve("round-" + round));
            Optional<Measured> raw = baselineJar.isEmpty() ? Optional.empty() : Optional.of(baseline(baselineJar.get(), "raw", layout.readable(), threads, dir));
            Measured evalbook = consolidate(jar, layout, dir);
            raw.ifPresent(raws::add);
            evalbooks.add(evalbook);
            System.out.printf(Locale.ROOT, "  round %d: raw %s files/s, evalbook %.1f s = %.1f files/s%s%n", round,
                    raw.map(r -> String.format(Locale.ROOT, "%.1f", r.filesPerSecond())).orElse("-"), evalbook.wallSeconds(), evalbook.filesPerSecond(),
                    raw.map(r -> String.format(Locale.ROOT, ", ratio %.3f", evalbook.filesPerSecond() / r.filesPerSecond())).orElse(""));
        }
        if (!raws.isEmpty()) {
            List<Double> paired = new ArrayList<>();
            for (int i = 0; i < raws.size(); i++) {
                paired.add(evalbooks.get(i).filesPerSecond() / raws.get(i).filesPerSecond());
            }
            List<Double> sorted = paired.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "  evalbook / raw, round by round: %s; median %.3f, lowest %.3f%n",
                    paired.stream().map(r -> String.format(Locale.ROOT, "%.3f", r)).collect(java.util.stream.Collectors.joining(", ")),
                    sorted.get(sorted.size() / 2), sorted.get(0));
        }
        Optional<Measured> raw = raws.isEmpty() ? Optional.empty() : Optional.of(median(raws));
        Measured evalbook = median(evalbooks);
        System.out.println("  mode       files   wall_s files_per_s  /raw      /poi     parent_heap_mb     worker_heap_mb   note");
        for (Optional<Measured> measured : List.of(raw, poi, Optional.of(evalbook))) {
            measured.ifPresent(m -> System.out.println(m.line(raw, poi)));
        }
        System.out.println("  files_per_s: baseline = its own figure (after a warm-up on 50 files, JVM start excluded); evalbook = files / wall"
                + " time of the whole consolidate command (JVM start, workers, checks and the workbook written); /raw and /poi: its"
                + " files_per_s over theirs. raw and evalbook: the round with the median files_per_s of " + rounds + " (poi: one run).");
        System.out.println("  heap_mb: peak / live from each JVM's GC log — the largest heap occupancy (before a collection, or at exit) / the"
                + " largest left after a collection; the baselines' in parent_heap_mb; worker: the largest over the worker JVMs; logs in " + run);
        return evalbook;
    }

    /** The run with the median files per second (of an even number, the faster of the middle two). */
    private static Measured median(List<Measured> runs) {
        List<Measured> sorted = runs.stream().sorted(java.util.Comparator.comparingDouble(Measured::filesPerSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Reads every file once before anything is timed, so that whichever reader runs first does not pay for the disk: a
     * floor run just after a build read the folder a third slower than the same run a minute later.
     */
    private static void warmCache(Path folder) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                try (java.io.InputStream in = Files.newInputStream(file)) {
                    while (in.read(buffer) >= 0) {
                        // only read: the page cache keeps it
                    }
                }
            }
        }
    }

    private static long megabytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / (1024 * 1024);
        }
    }

    private static Optional<Path> baselineJar(Path dir) throws IOException, InterruptedException {
        Path jar = dir.resolve("target").resolve("baseline-bench-1.jar");
        if (Files.isRegularFile(jar)) {
            return Optional.of(jar);
        }
        if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
            return Optional.empty();
        }
        System.out.println("  building the baseline bench in " + dir + " ...");
        for (List<String> build : List.of(List.of("mvn", "-o", "-q", "-B", "package", "-DskipTests"), List.of("mvn", "-q", "-B", "package", "-DskipTests"))) {
            if (new ProcessBuilder(build).directory(dir.toFile()).inheritIO().start().waitFor() == 0 && Files.isRegularFile(jar)) {
                return Optional.of(jar);
            }
        }
        return Optional.empty();
    }

    private static Measured baseline(Path jar, String mode, Path folder, String threads, Path run) throws IOException, InterruptedException {
        Path log = run.resolve("gc-" + mode + ".log");
        Path out = run.resolve(mode + ".out");
        long t0 = System.nanoTime();
        int exit = new ProcessBuilder(java(), GcPeak.option(log), "-jar", jar.toString(), mode, folder.toString(), threads)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start().waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        String printed = Files.readString(out, StandardCharsets.UTF_8).strip();
        Matcher m = BASELINE.matcher(printed);
        if (exit != 0 || !m.find()) {
            throw new IllegalStateException("baseline " + mode + " failed (exit " + exit + "): " + printed);
        }
        return new Measured(mode, Long.parseLong(m.group(1)), wall, Double.parseDouble(m.group(3)), GcPeak.of(log), Optional.empty(),
                "threads=" + threads + ", its own timing " + m.group(2) + " s");
    }

    private static Measured consolidate(Path jar, BenchInbox.Layout layout, Path run) throws IOException, InterruptedException {
        Path logs = Files.createDirectories(run.resolve("gc-evalbook"));
        Path out = run.resolve("consolidate.out");
        ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx1g", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "-jar", jar.toString(), "consolidate", "--roster", layout.roster().toString(), "--in", layout.inbox().toString(),
                "--out", run.resolve("汇总.xlsx").toString(), "--deadline", BenchInbox.DEADLINE.toString(), "--demo-key")
                .redirectErrorStream(true).redirectOutput(out.toFile());
        // The workers inherit the environment: each writes its own log (%p is its process id) beside the parent's.
        builder.environment().put("JAVA_TOOL_OPTIONS", GcPeak.option(logs.resolve("gc-%p.log")));
        long t0 = System.nanoTime();
        Process process = builder.start();
        long parentPid = process.pid();
        int exit = process.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        Matcher received = RECEIVED.matcher(printed);
        if (exit != 0 || !received.find()) {
            throw new IllegalStateException("consolidate failed (exit " + exit + "); its output is in " + out);
        }
        long files = Long.parseLong(received.group(1));
        Optional<GcPeak> parent = GcPeak.of(logs.resolve("gc-" + parentPid + ".log"));
        GcPeak workerPeak = new GcPeak(0, 0, 0);
        int workers = 0;
        try (Stream<Path> all = Files.list(logs)) {
            for (Path log : all.filter(p -> !p.getFileName().toString().equals("gc-" + parentPid + ".log")).toList()) {
                Optional<GcPeak> peak = GcPeak.of(log);
                if (peak.isPresent()) {
                    workerPeak = new GcPeak(Math.max(workerPeak.peakMb(), peak.get().peakMb()), Math.max(workerPeak.liveMb(), peak.get().liveMb()),
                            Math.max(workerPeak.collections(), peak.get().collections()));
                    workers++;
                }
            }
        }
        String equation = printed.lines().filter(l -> l.startsWith("收到文件")).findFirst().orElse("");
        System.out.println("  consolidate: " + equation);
        return new Measured("evalbook", files, wall, files / wall, parent, workers == 0 ? Optional.empty() : Optional.of(workerPeak),
                "parent -Xmx1g, default workers (" + workers + " worker JVMs)");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
