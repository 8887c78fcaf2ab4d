package org.evalbook.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.evalbook.check.ScoreSheet;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;

/**
 * The benchmark's folder at the deadline, generated from (N, seed) and kept: a roster of N units and what they sent
 * back — one signed return each except the few that sent nothing, a quarter of them with one planted error, a tenth
 * late, some resubmitted (an older and a newer version), a few sent twice byte for byte, returns of units not in the
 * roster, and the usual debris (a truncated zip, a text file named .xlsx, a PDF copy of a report, an Office lock
 * file). {@code manifest.tsv} says what each file is and what must become of it.
 *
 * <p>Layout of {@code <cache>/n<N>-seed<seed>-v<version>/}: {@code roster.csv}, {@code inbox/} (the folder to
 * consolidate, one sub-folder per 主管部门), {@code readable/} (hard links to the well-formed returns, for the baseline
 * readers that stop at the first broken file), {@code manifest.tsv}.
 */
public final class BenchInbox {
    /** Raised whenever what is generated changes, so a cached folder of an older generator is not reused. */
    static final int VERSION = 1;
    public static final int YEAR = 2026;
    public static final LocalDate DEADLINE = LocalDate.of(2027, 3, 31);
    private static final Instant ISSUED_AT = Instant.parse("2027-01-05T02:00:00Z");
    private static final String[] DEPTS = {"市卫生健康委员会", "市民政局", "市教育局", "市文化和旅游局", "市农业农村局", "市交通运输局",
            "市生态环境局", "市人力资源和社会保障局"};
    private static final String[] DISTRICTS = {"五华区", "盘龙区", "官渡区", "西山区", "东川区", "呈贡区", "晋宁区", "富民县", "宜良县",
            "石林县", "嵩明县", "禄劝县", "寻甸县", "安宁市", "珠晖区", "雁峰区", "石鼓区", "蒸湘区", "南岳区", "衡阳县", "衡南县",
            "衡山县", "衡东县", "祁东县", "耒阳市", "常宁市", "芙蓉区", "天心区", "岳麓区", "开福区", "雨花区", "望城区", "浏阳市",
            "宁乡市", "长沙县", "湘潭县", "韶山市", "湘乡市", "雨湖区", "岳塘区"};
    private static final String[] ORGS = {"计划生育协会", "疾病预防控制中心", "妇幼保健院", "卫生健康综合监督执法局", "社会福利院",
            "救助管理站", "第一中学", "实验小学", "图书馆", "文化馆", "博物馆", "农业技术推广中心", "动物疫病预防控制中心",
            "公路养护中心", "环境监测站", "就业服务中心", "社会保险服务中心", "老年大学", "青少年活动中心", "档案馆"};

    /** Where the generated folder is. */
    public record Layout(Path root) {
        public Path roster() {
            return root.resolve("roster.csv");
        }

        public Path inbox() {
            return root.resolve("inbox");
        }

        public Path readable() {
            return root.resolve("readable");
        }

        public Path manifest() {
            return root.resolve("manifest.tsv");
        }
    }

    /** One file of the inbox and what must become of it ({@code state} in evalbook's words, 已采用 …). */
    public record Expected(String path, String state, String unitCode, String plantedCode, boolean late) {
        String line() {
            return String.join("\t", path, state, unitCode, plantedCode, late ? "逾期" : "-");
        }
    }

    private record Job(List<String> paths, List<LocalDateTime> times, Content content) {
    }

    private interface Content {
        byte[] bytes();
    }

    private final int n;
    private final long seed;
    private final Framework framework = Frameworks.bundled(Frameworks.DEFAULT_ID);
    private final Map<String, StampedTemplate> templates = new HashMap<>();
    private final List<Job> jobs = new ArrayList<>();
    private final List<Expected> expected = new ArrayList<>();
    private final List<BenchUnit> roster = new ArrayList<>();

    private BenchInbox(int n, long seed) {
        this.n = n;
        this.seed = seed;
    }

    /** The folder for (n, seed) under {@code cache}: generated on the first call, reused afterwards. */
    public static Layout generate(int n, long seed, Path cache) throws IOException {
        Layout layout = new Layout(cache.resolve("n" + n + "-seed" + seed + "-v" + VERSION));
        if (Files.isDirectory(layout.root())) {
            return layout;
        }
        Files.createDirectories(cache);
        Path building = Files.createTempDirectory(cache, "building-");
        new BenchInbox(n, seed).write(new Layout(building));
        Files.move(building, layout.root(), StandardCopyOption.ATOMIC_MOVE);
        return layout;
    }

    private void write(Layout layout) throws IOException {
        for (String profile : List.of("default", "hunan-2022")) {
            templates.put(profile, new StampedTemplate(framework, framework.profile(profile).orElseThrow(), YEAR, DEADLINE, ISSUED_AT));
        }
        plan();
        Files.createDirectories(layout.inbox());
        IntStream.range(0, jobs.size()).parallel().forEach(i -> writeJob(layout.inbox(), jobs.get(i)));
        writeRoster(layout.roster());
        Files.write(layout.manifest(), expected.stream().sorted(Comparator.comparing(Expected::path)).map(Expected::line).toList(),
                StandardCharsets.UTF_8);
        Files.createDirectories(layout.readable());
        for (Expected file : expected) {
            if (List.of("已采用", "被替代", "未匹配").contains(file.state())) {
                Path link = layout.readable().resolve(file.path());
                Files.createDirectories(link.getParent());
                Files.createLink(link, layout.inbox().resolve(file.path()));
            }
        }
    }

    private void plan() {
        Random random = new Random(seed);
        List<String> districts = new ArrayList<>(Arrays.asList(DISTRICTS));
        Collections.shuffle(districts, random);
        for (int i = 0; i < n; i++) {
            int round = i / (DISTRICTS.length * ORGS.length);
            String name = districts.get(i % DISTRICTS.length) + ORGS[(i / DISTRICTS.length) % ORGS.length] + (round > 0 ? "第" + (round + 1) + "分部" : "");
            roster.add(new BenchUnit("0" + (530100 + i), name, DEPTS[random.nextInt(DEPTS.length)],
                    "联系人" + (i + 1), random.nextInt(5) < 3 ? "default" : "hunan-2022"));
        }
        List<Integer> order = shuffled(n, random);
        int planted = (n + 3) / 4;
        int missing = Math.max(1, n * 3 / 100);
        Planted[] kinds = Arrays.copyOfRange(Planted.values(), 1, Planted.values().length);
        Map<Integer, Planted> errors = new HashMap<>();
        for (int k = 0; k < planted; k++) {
            errors.put(order.get(k), kinds[k % kinds.length]);
        }
        List<Integer> returning = new ArrayList<>(order.subList(Math.min(n, planted + missing), n));
        returning.addAll(order.subList(0, planted));
        Collections.shuffle(returning, random);
        int late = Math.max(1, n / 10);
        int resubmitted = Math.max(1, n / 20);
        int twice = Math.max(1, n / 100);
        for (int r = 0; r < returning.size(); r++) {
            int i = returning.get(r);
            unitReturn(i, roster.get(i), errors.getOrDefault(i, Planted.NONE), r < late, r >= late && r < late + resubmitted,
                    r >= late + resubmitted && r < late + resubmitted + twice, random);
        }
        debris(returning);
    }

    private void unitReturn(int i, BenchUnit unit, Planted planted, boolean late, boolean resubmitted, boolean twice, Random random) {
        String folder = unit.parentDept() + "/";
        LocalDateTime received = late ? DEADLINE.plusDays(1 + random.nextInt(5)).atTime(9 + random.nextInt(9), random.nextInt(60))
                : DEADLINE.minusDays(random.nextInt(31)).atTime(8 + random.nextInt(10), random.nextInt(60));
        String path = folder + unit.fileName(YEAR);
        if (resubmitted) {
            LocalDateTime earlier = received.minusDays(3 + random.nextInt(8));
            String older = folder + "初报/" + unit.fileName(YEAR);
            add(List.of(older), List.of(earlier), stamped(unit, Planted.values()[1 + random.nextInt(5)], earlier, 1000L * n + i));
            expected.add(new Expected(older, "被替代", unit.code(), "-", false));
        }
        Content content = stamped(unit, planted, received, i);
        if (twice) {
            String copy = folder + "邮件附件/" + unit.fileName(YEAR);
            add(List.of(path, copy), List.of(received, received.plusMinutes(10)), content);
            expected.add(new Expected(path, "被替代", unit.code(), "-", false));
            expected.add(new Expected(copy, "已采用", unit.code(), planted.code(), late));
        } else {
            add(List.of(path), List.of(received), content);
            expected.add(new Expected(path, "已采用", unit.code(), planted.code(), late));
        }
    }

    /** Returns of units not in the roster, and files that are not returns. */
    private void debris(List<Integer> returning) {
        for (int k = 0; k < Math.max(1, n / 100); k++) {
            BenchUnit stranger = new BenchUnit("0990" + String.format("%03d", k), "外县" + ORGS[k % ORGS.length], DEPTS[0], "联系人", "default");
            String path = "其他/" + stranger.fileName(YEAR);
            LocalDateTime at = DEADLINE.minusDays(2).atTime(10, k % 60);
            add(List.of(path), List.of(at), stamped(stranger, Planted.NONE, at, 2000L * n + k));
            expected.add(new Expected(path, "未匹配", stranger.code(), "-", false));
        }
        for (int k = 0; k < Math.max(1, n / 250); k++) {
            BenchUnit unit = roster.get(returning.get(k % returning.size()));
            LocalDateTime at = DEADLINE.minusDays(1).atTime(11, k % 60);
            String folder = unit.parentDept() + "/";
            String truncated = folder + unit.code() + "_" + unit.name() + "_" + YEAR + "（传输中断）.xlsx";
            Content whole = stamped(unit, Planted.NONE, at, 3000L * n + k);
            add(List.of(truncated), List.of(at), () -> {
                byte[] bytes = whole.bytes();
                return Arrays.copyOf(bytes, bytes.length * 2 / 5);
            });
            expected.add(new Expected(truncated, "已拒收", "-", "-", false));
            String pdf = folder + unit.name() + "自评报告（盖章版）.pdf";
            add(List.of(pdf), List.of(at), () -> ("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% " + unit.name() + "\n").getBytes(StandardCharsets.UTF_8));
            expected.add(new Expected(pdf, "已忽略", "-", "-", false));
        }
        for (int k = 0; k < Math.max(1, n / 500); k++) {
            BenchUnit unit = roster.get(returning.get((k * 7 + 3) % returning.size()));
            LocalDateTime at = DEADLINE.minusDays(3).atTime(15, k % 60);
            String folder = unit.parentDept() + "/";
            String text = folder + unit.name() + "情况说明.xlsx";
            add(List.of(text), List.of(at), () -> ("关于" + unit.name() + "绩效自评情况的说明：数据已核实。\n").getBytes(StandardCharsets.UTF_8));
            expected.add(new Expected(text, "已拒收", "-", "-", false));
            String lock = folder + "~$" + unit.fileName(YEAR);
            byte[] owner = new byte[165];
            owner[0] = 4;
            add(List.of(lock), List.of(at), () -> owner);
            expected.add(new Expected(lock, "已忽略", "-", "-", false));
        }
    }

    private Content stamped(BenchUnit unit, Planted planted, LocalDateTime filled, long figuresSeed) {
        return () -> {
            ScoreSheet[] scores = new ScoreSheet[1];
            StampedTemplate template = templates.get(unit.profile());
            FieldValues figures = new BenchFigures(framework, new Random(seed * 1_000_003L + figuresSeed))
                    .consistent(framework.profile(unit.profile()).orElseThrow(), unit.name(), filled.toLocalDate(), scores);
            return template.stamp(unit.identity(), figures, planted.overrides(figures, scores[0]));
        };
    }

    private void add(List<String> paths, List<LocalDateTime> times, Content content) {
        jobs.add(new Job(paths, times, content));
    }

    private static void writeJob(Path inbox, Job job) {
        byte[] bytes = job.content().bytes();
        try {
            for (int k = 0; k < job.paths().size(); k++) {
                Path file = inbox.resolve(job.paths().get(k));
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
                Files.setLastModifiedTime(file, FileTime.from(job.times().get(k).atZone(ZoneId.systemDefault()).toInstant()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeRoster(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("单位代码,单位名称,主管部门,联系人,邮箱,年度,评价方案");
        for (BenchUnit unit : roster) {
            lines.add(String.join(",", unit.code(), unit.name(), unit.parentDept(), unit.contact(), unit.email(), String.valueOf(YEAR), unit.profile()));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static List<Integer> shuffled(int n, Random random) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(order, random);
        return order;
    }

    /** The manifest read back. */
    public static List<Expected> manifest(Layout layout) throws IOException {
        try (Stream<String> lines = Files.lines(layout.manifest(), StandardCharsets.UTF_8)) {
            return lines.map(line -> line.split("\t")).map(f -> new Expected(f[0], f[1], f[2], f[3], f[4].equals("逾期"))).toList();
        }
    }
}
