package org.evalbook.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evalbook.finding.Finding;
import org.evalbook.intake.Annotation;
import org.evalbook.intake.Received;
import org.evalbook.intake.ReceivedFiles;

/**
 * The file the bureau sends back for 退回修改: a copy of the return with every problem cell highlighted and a comment
 * carrying its message, plus a 审核意见 sheet listing all findings. The worker that read the return applies it to the
 * bytes it read, so the copy is the checked file plus the annotation and reads back with the same findings.
 */
public final class AnnotatedCopy {
    public static final String SHEET = "审核意见";
    /** File names are at most 255 bytes on common file systems; leave room for the suffix and a partial-write marker. */
    private static final int MAX_NAME_BYTES = 200;

    private AnnotatedCopy() {
    }

    /** The highlights, comments and review sheet for one checked return. Text only: nothing becomes a formula. */
    static Annotation of(List<Finding> findings) {
        List<Annotation.Mark> marks = new ArrayList<>();
        for (Finding finding : findings) {
            for (String cell : new LinkedHashSet<>(finding.cells())) {
                marks.add(new Annotation.Mark(cell, finding.severity(),
                        "[" + finding.code() + " " + finding.severity().label() + "] " + finding.message()));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("序号", "级别", "编码", "问题", "位置", "说明及修改要求", "单位情况说明"));
        int n = 1;
        for (Finding finding : findings) {
            rows.add(List.of(String.valueOf(n++), finding.severity().label(), finding.code().name(), finding.code().title(),
                    finding.where(), finding.message(), finding.explained()));
        }
        if (findings.isEmpty()) {
            rows.add(List.of("未发现问题。"));
        }
        return new Annotation(marks, SHEET, rows, List.of(6, 8, 8, 20, 24, 90, 30));
    }

    /**
     * The name stem of each file's copy ({@code <stem>_审核意见.<format>}): the file's own name, or its relative path
     * where two files of the run share a name; shortened (with a hash, so it stays unique) when too long; never the
     * name of a file being checked.
     */
    static Map<Received, String> stems(List<Received> files) {
        Map<String, Integer> byName = new HashMap<>();
        files.forEach(f -> byName.merge(lastSegment(f.name()), 1, Integer::sum));
        Set<String> taken = new HashSet<>();
        Map<Received, String> stems = new HashMap<>();
        for (Received file : files) {
            String base = byName.get(lastSegment(file.name())) > 1 ? file.name() : lastSegment(file.name());
            String stem = shortened(safe(withoutExtension(base)), file.name());
            String unique = stem;
            for (int n = 2; !taken.add(unique.toLowerCase(java.util.Locale.ROOT)); n++) {
                unique = stem + "(" + n + ")";
            }
            stems.put(file, unique);
        }
        return stems;
    }

    /** Where the copy of a return read as {@code format} (xlsx, xlsm, xls) goes. */
    static Path target(Path dir, String stem, String format) {
        return dir.resolve(stem + ReceivedFiles.COPY_SUFFIX + "." + format);
    }

    private static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot > name.lastIndexOf('/') ? name.substring(0, dot) : name;
    }

    /** No separators, escapes or characters Windows refuses in a name. */
    private static String safe(String name) {
        String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "文件" : safe;
    }

    private static String shortened(String stem, String fullName) {
        if (stem.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
            return stem;
        }
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < stem.length(); ) {
            int c = stem.codePointAt(i);
            int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_NAME_BYTES - 10) {
                break;
            }
            kept.appendCodePoint(c);
            bytes += size;
            i += Character.charCount(c);
        }
        return kept + "~" + hash(fullName);
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
