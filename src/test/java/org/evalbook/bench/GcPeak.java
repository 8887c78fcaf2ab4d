package org.evalbook.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's peak heap occupancy, read from its unified GC log ({@code -Xlog:gc,gc+heap+exit:file=…}): the largest of
 * the heap used just before each collection ({@code GC(3) Pause Young … 245M->31M(512M)}) and the heap used at exit.
 * Occupancy only falls at a collection, so between them these are the highest it ever was (to the log's 1 MB). That
 * peak is mostly garbage the collector had not yet needed to clear; the largest occupancy left after a collection
 * ({@code ->31M}) is what was live, the figure that says whether memory stays flat as N grows.
 *
 * @param peakMb  the highest occupancy, in MB
 * @param liveMb  the highest occupancy after a collection, in MB (0 when there was none)
 * @param collections the number of pauses in the log
 */
record GcPeak(long peakMb, long liveMb, long collections) {
    private static final String GC_FLAGS = "-Xlog:gc,gc+heap+exit:file=";
    private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern EXIT = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

    /** The JVM option that writes the log this class reads; {@code %p} in the file is the process id. */
    static String option(Path log) {
        return GC_FLAGS + log;
    }

    /** What the log says; empty when it is missing. */
    static java.util.Optional<GcPeak> of(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return java.util.Optional.empty();
        }
        long peakKb = 0;
        long liveKb = 0;
        long collections = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher pause = PAUSE.matcher(line);
            if (line.contains("[gc]") && line.contains(" Pause ") && pause.find()) {
                peakKb = Math.max(peakKb, kilobytes(pause.group(1), pause.group(2)));
                // Remark and Cleanup pauses collect nothing: what they show after is occupancy, not what was live.
                if (line.contains(" Pause Young ") || line.contains(" Pause Full ")) {
                    liveKb = Math.max(liveKb, kilobytes(pause.group(3), pause.group(4)));
                }
                collections++;
            }
            Matcher exit = EXIT.matcher(line);
            if (exit.find()) {
                peakKb = Math.max(peakKb, Long.parseLong(exit.group(2)));
            }
        }
        return java.util.Optional.of(new GcPeak((peakKb + 1023) / 1024, (liveKb + 1023) / 1024, collections));
    }

    @Override
    public String toString() {
        return peakMb + " / live " + liveMb + " (" + collections + " GCs)";
    }

    private static long kilobytes(String value, String unit) {
        long n = Long.parseLong(value);
        return switch (unit) {
            case "K" -> n;
            case "M" -> n * 1024;
            default -> n * 1024 * 1024;
        };
    }
}
