package org.evalbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo's inbox at the deadline, made from the bundled samples: 珠晖 returned once early and again before the
 * deadline, 昆明 two days late, 五华 a clean return on time, 石鼓 nothing; a lock file and a PDF copy of a report
 * beside them. Of the project form (项目支出绩效自评表), 昆明 returned its six projects on time and 石鼓 its two with
 * the mistakes the samples plant. Receipt times are the files' modification times, as for real returns.
 */
final class DemoInbox {
    /** The demo's deadline: the end of 2027-03-31. */
    static final LocalDateTime DEADLINE = LocalDateTime.of(2027, 3, 31, 23, 59, 59);
    private static final String MARK = ".evalbook-demo";
    /** The project-form samples of {@code test-workbooks/project/} (see its README). */
    static final java.util.List<String> PROJECT_SAMPLES = java.util.List.of("0530101_昆明市计划生育协会_2017_项目支出绩效自评.xlsx",
            "0430406_石鼓区计划生育协会_2022_项目支出绩效自评.xlsx");

    private DemoInbox() {
    }

    /** Fills {@code inbox} afresh (it must be the demo's own, or absent); returns it. */
    static Path fill(Path inbox, Path samples) throws IOException {
        Path mark = inbox.resolveSibling(MARK);
        if (Files.exists(inbox)) {
            if (!Files.exists(mark)) {
                throw new IOException(inbox + " 已存在且不是演示生成的文件夹，为免覆盖，请用 --out 指定其他位置。");
            }
            try (Stream<Path> old = Files.walk(inbox)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Path a = Files.createDirectories(inbox.resolve("区县A"));
        Path b = Files.createDirectories(inbox.resolve("区县B"));
        Files.writeString(mark, "evalbook demo output: its 收回 folder is rebuilt on every run\n");
        Path zhuhui = samples.resolve("returned").resolve("0430405_珠晖区计划生育协会_2022.xlsx");
        Path first = copy(zhuhui, a.resolve("0430405_珠晖区计划生育协会_2022（初报）.xlsx"), "2027-03-20T09:00");
        // The first submission differs from the resubmission (a zip comment: same workbook, other bytes).
        byte[] bytes = Files.readAllBytes(first);
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        longer[bytes.length - 2] = 1;
        longer[bytes.length] = 'v';
        Files.write(first, longer);
        touch(first, "2027-03-20T09:00");
        copy(zhuhui, b.resolve("0430405_珠晖区计划生育协会_2022.xlsx"), "2027-03-30T16:20");
        copy(samples.resolve("returned").resolve("0530101_昆明市计划生育协会_2017.xlsx"), a.resolve("0530101_昆明市计划生育协会_2017.xlsx"),
                "2027-04-02T10:05");
        copy(samples.resolve("clean").resolve("0530102_五华区计划生育协会_2023.xlsx"), b.resolve("0530102_五华区计划生育协会_2023.xlsx"),
                "2027-03-28T11:30");
        touch(Files.writeString(b.resolve("五华区自评报告（盖章版）.pdf"), "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
                "2027-03-28T11:32");
        touch(Files.write(a.resolve("~$0530101_昆明市计划生育协会_2017.xlsx"), new byte[] {0}), "2027-04-02T10:06");
        for (String project : PROJECT_SAMPLES) {
            Path source = samples.resolve("project").resolve(project);
            boolean kunming = project.startsWith("0530101");
            if (Files.isRegularFile(source)) {
                copy(source, (kunming ? a : b).resolve(project), kunming ? "2027-03-29T15:00" : "2027-03-31T17:45");
            }
        }
        return inbox;
    }

    private static Path copy(Path from, Path to, String received) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        touch(to, received);
        return to;
    }

    private static void touch(Path file, String received) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(LocalDateTime.parse(received).atZone(ZoneId.systemDefault()).toInstant()));
    }
}
