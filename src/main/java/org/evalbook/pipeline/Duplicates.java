package org.evalbook.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.check.CheckResult;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.Decimals;
import org.evalbook.framework.FieldValues;
import org.evalbook.intake.Received;

/** C25: two or more returns of one unit and year in one run, each naming the others. */
final class Duplicates {
    private Duplicates() {
    }

    /** The results, with a C25 warning on every return that shares its unit and year with another. */
    static List<CheckResult> mark(List<CheckResult> results, List<Received> files) {
        Map<String, List<Integer>> byUnit = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            int index = i;
            unit(results.get(i)).ifPresent(key -> byUnit.computeIfAbsent(key, k -> new ArrayList<>()).add(index));
        }
        List<CheckResult> marked = new ArrayList<>(results);
        for (Map.Entry<String, List<Integer>> unit : byUnit.entrySet()) {
            List<Integer> same = unit.getValue();
            if (same.size() < 2) {
                continue;
            }
            boolean identical = same.stream().map(i -> digest(files.get(i))).distinct().count() == 1
                    && same.stream().map(i -> digest(files.get(i))).allMatch(d -> !d.isEmpty());
            for (int i : same) {
                List<String> others = same.stream().filter(j -> j != i).map(j -> "“" + files.get(j).name() + "”").toList();
                CheckResult result = results.get(i);
                List<Finding> findings = new ArrayList<>(result.findings());
                findings.add(Finding.aboutFile(FindingCode.C25, result.file(), "本次同时收到同一单位同一年度（" + unit.getKey() + "）的另外 "
                        + others.size() + " 份填报表：" + String.join("、", others) + (identical ? "，内容完全相同" : "，内容不同")
                        + "。请确认以哪一份为准，把其余几份移出收件文件夹后重新检查。"));
                findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::code));
                marked.set(i, new CheckResult(result.file(), result.read(), result.profile(), result.scores(), findings));
            }
        }
        return marked;
    }

    /** "单位代码 0430405，2022 年度", or empty when the return names no unit. */
    private static Optional<String> unit(CheckResult result) {
        if (result.read().isEmpty()) {
            return Optional.empty();
        }
        FieldValues values = result.read().get().values();
        Map<String, String> meta = result.read().get().raw().meta();
        String code = values.text("unit_code").or(() -> values.number("unit_code").map(Decimals::plain))
                .or(() -> Optional.ofNullable(meta.get("unit_code"))).orElse("").strip();
        if (code.isEmpty()) {
            return Optional.empty();
        }
        String year = values.number("fiscal_year").map(Decimals::plain).or(() -> Optional.ofNullable(meta.get("fiscal_year"))).orElse("？");
        return Optional.of("单位代码 " + code + "，" + year + " 年度");
    }

    private static String digest(Received file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file.path()), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException unreadable) {
            return "";
        }
    }
}
