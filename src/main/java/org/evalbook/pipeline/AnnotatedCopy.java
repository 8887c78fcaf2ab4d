package org.evalbook.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.evalbook.check.CheckResult;
import org.evalbook.finding.Finding;
import org.evalbook.framework.RuleText;
import org.evalbook.finding.Severity;
import org.evalbook.intake.Annotation;
import org.evalbook.intake.Received;
import org.evalbook.intake.ReceivedFiles;

/**
 * The file the bureau sends back for 退回修改: a copy of the return with every problem cell highlighted and a comment
 * carrying its message, plus a 审核意见 sheet: a printable 审核意见书 (unit, date, recomputed total against the
 * self-assessed one, the numbered problems, a line for the resubmission deadline). The worker that read the return applies it to the
 * bytes it read, so the copy is the checked file plus the annotation and reads back with the same findings.
 */
public final class AnnotatedCopy {
    public static final String SHEET = "审核意见";
    /** File names are at most 255 bytes on common file systems; leave room for the suffix and a partial-write marker. */
    private static final int MAX_NAME_BYTES = 200;

    private AnnotatedCopy() {
    }

    /** The highlights, comments and 审核意见书 for one checked return, reviewed today. */
    static Annotation of(CheckResult result) {
        return of(result, LocalDate.now());
    }

    /** The highlights, comments and 审核意见书 for one checked return. Text only: nothing becomes a formula. */
    static Annotation of(CheckResult result, LocalDate reviewed) {
        List<Annotation.Mark> marks = new ArrayList<>();
        for (Finding finding : result.findings()) {
            for (String cell : new LinkedHashSet<>(finding.cells())) {
                marks.add(new Annotation.Mark(cell, finding.severity(),
                        "[" + finding.code() + " " + finding.severity().label() + "] " + finding.message()));
            }
        }
        List<List<String>> problems = new ArrayList<>();
        int n = 1;
        for (Finding finding : result.findings()) {
            problems.add(List.of(String.valueOf(n++), finding.severity().label(), finding.code().name(), finding.code().title(),
                    finding.where().isEmpty() ? "整个文件" : finding.where(), RuleText.forPrint(withoutLocation(finding)), finding.explained()));
        }
        return new Annotation(marks, new Annotation.Review(SHEET, title(result), preamble(result, reviewed),
                List.of("序号", "级别", "编码", "问题", "位置", "说明及修改要求", "单位情况说明"), problems,
                List.of("请于＿＿＿＿年＿＿月＿＿日前按以上意见修改，并将修改后的填报表重新报送财政局。",
                        "审核人：＿＿＿＿＿＿＿＿　　　　复核人：＿＿＿＿＿＿＿＿　　　　财政局（盖章）"),
                List.of(6, 6, 6, 16, 20, 60, 20)));
    }

    /** The message without the cell it opens with: the 位置 column beside it names the cells already. */
    private static String withoutLocation(Finding finding) {
        String message = finding.message();
        for (String cell : finding.cells()) {
            if (message.startsWith(cell + " ")) {
                return message.substring(cell.length() + 1);
            }
        }
        return message;
    }

    private static String title(CheckResult result) {
        String unit = result.unit().map(u -> u.name() + (u.year().isEmpty() ? "" : u.year() + "年度")).orElse("");
        return unit + "绩效自评审核意见";
    }

    private static List<String> preamble(CheckResult result, LocalDate reviewed) {
        List<String> lines = new ArrayList<>();
        String unit = result.unit().filter(u -> u.named()).map(u -> u.name() + "（单位代码 " + u.code() + "）").orElse("未能识别");
        lines.add("被审核单位：" + unit + "　　　　审核日期：" + reviewed.getYear() + "年" + reviewed.getMonthValue() + "月"
                + reviewed.getDayOfMonth() + "日");
        lines.add("审核文件：" + result.file());
        lines.add(totals(result));
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        result.findings().forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        lines.add(result.findings().isEmpty() ? "审核结论：未发现问题。"
                : "审核结论：共发现问题 " + result.findings().size() + " 项（错误 " + counts.getOrDefault(Severity.ERROR, 0L) + " 项，警告 "
                + counts.getOrDefault(Severity.WARNING, 0L) + " 项，提示 " + counts.getOrDefault(Severity.INFO, 0L)
                + " 项）。错误须修改后重新报送；警告请逐项核对，确有原因的在“情况说明”表中写明。");
        return lines;
    }

    /** The recomputed 规则总分 and 等级 against the unit's own. */
    private static String totals(CheckResult result) {
        String recomputed = result.scores().map(s -> score(s.total()) + " 分，等级“" + s.grade() + "”").orElse("无法复核");
        var values = result.read().map(r -> r.values());
        Optional<BigDecimal> selfTotal = values.flatMap(v -> v.number("self_total"));
        String self = selfTotal.map(t -> score(t) + " 分").orElse("未填写") + "，等级"
                + values.flatMap(v -> v.text("self_grade")).map(g -> "“" + g + "”").orElse("未填写");
        String difference = result.scores().flatMap(s -> selfTotal.map(t -> t.subtract(s.total())))
                .filter(d -> d.signum() != 0).map(d -> "（自评" + (d.signum() > 0 ? "高" : "低") + " " + score(d.abs()) + " 分）").orElse("");
        return "复核总分：" + recomputed + "；单位自评：" + self + difference + "。";
    }

    private static String score(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
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
