package org.evalbook.report;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.apache.commons.io.input.UnsynchronizedByteArrayInputStream;
import org.evalbook.check.IndicatorRowScore;
import org.evalbook.check.IndicatorScore;
import org.evalbook.check.Outcome;
import org.evalbook.check.ProjectOutcome;
import org.evalbook.check.ProjectScore;
import org.evalbook.check.ReturnForm;
import org.evalbook.check.ScoreSheet;
import org.evalbook.check.UnitIdentity;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.OperatorKind;
import org.evalbook.framework.TableRow;
import org.evalbook.intake.CellSource;
import org.evalbook.pipeline.CheckedReturn;

/**
 * Keeps the deadline job's memory flat in the number of returns: each checked return is written in full to a
 * temporary file as it arrives, and only a small copy of it stays in memory — what is compared across units (who, the
 * scores, the figures 汇总 and 统计分析 show, the findings' codes and severities). The sheets that only write a
 * return's details out (问题清单, 指标得分) read it back by its place in the scan; a superseded return's details are
 * never read. Closing deletes the file.
 *
 * <p>The kept copies share equal pieces (an indicator scored the same, a finding's code and severity, the field ids),
 * so ten thousand returns cost little more than their identities and figures.
 */
final class ReturnSpill implements ReturnDetails, AutoCloseable {
    /** The texts compared across units: the tie-break between two returns of a unit, and 自评等级 in 汇总. */
    private static final Set<String> KEPT_TEXTS = Set.of("fill_date", "self_grade");
    private static final String SELF_TOTAL = "self_total";
    /** What a project's kept copy holds of its sheet: its name and funds, which 项目自评 and the 综述 compare. */
    private static final Set<String> KEPT_PROJECT_TEXTS = Set.of("pj_name");
    private static final Set<String> KEPT_PROJECT_FIGURES = Set.copyOf(ProjectSheet.FUNDS);
    /**
     * A record is the return's body in three parts, each deflated on its own so that a sheet inflates only the one it
     * shows: the rest of the return, from its figures and texts on (指标得分), and from its findings on (问题清单).
     */
    private static final int PARTS = 3;
    private static final int FIGURES = 1;
    private static final int FINDINGS = 2;
    /** Before each record in the file: each part's length as deflated and as inflated. */
    private static final int RECORD_HEADER = 2 * PARTS * Integer.BYTES;

    private final Path file;
    private final FileChannel channel;
    private long[] offsets = new long[1024];
    private long end;
    private final Set<String> keptFigures;
    private final Map<Object, Object> shared = new HashMap<>();
    /** One deflater for every record (its native set-up costs more than a small record's deflating); ended on close. */
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);

    private ReturnSpill(Path file, FileChannel channel, Set<String> keptFigures) {
        this.file = file;
        this.channel = channel;
        this.keptFigures = keptFigures;
        Arrays.fill(offsets, -1);
    }

    /** A new spill in the system's temporary folder; the caller closes it (which deletes it) however the job ends. */
    static ReturnSpill create() throws IOException {
        return in(Path.of(System.getProperty("java.io.tmpdir")));
    }

    static ReturnSpill in(Path folder) throws IOException {
        Path file = Files.createTempFile(folder, "evalbook-returns-", ".tmp");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            Set<String> figures = new java.util.HashSet<>(KeyFigure.fieldIds());
            figures.add(SELF_TOTAL);
            return new ReturnSpill(file, channel, Set.copyOf(figures));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Writes the return in full and gives the small copy to keep in its place. */
    CheckedReturn keep(CheckedReturn full) {
        Body body = encode(full);
        int[] bounds = {0, body.figuresAt, body.findingsAt, body.size()};
        byte[][] parts = new byte[PARTS][];
        int length = RECORD_HEADER;
        for (int part = 0; part < PARTS; part++) {
            parts[part] = body.deflated(deflater, bounds[part], bounds[part + 1]);
            length += parts[part].length;
        }
        try {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            for (int part = 0; part < PARTS; part++) {
                buffer.putInt(parts[part].length).putInt(bounds[part + 1] - bounds[part]);
            }
            for (byte[] part : parts) {
                buffer.put(part);
            }
            buffer.flip();
            long at = end;
            while (buffer.hasRemaining()) {
                end += channel.write(buffer, end);
            }
            if (full.order() >= offsets.length) {
                int size = offsets.length;
                offsets = Arrays.copyOf(offsets, Math.max(full.order() + 1, 2 * size));
                Arrays.fill(offsets, size, offsets.length, -1);
            }
            offsets[full.order()] = at;
        } catch (IOException e) {
            throw new UncheckedIOException("未能写入临时文件 " + file + "（汇总时暂存每份填报表的明细）。请检查临时文件夹的剩余空间。", e);
        }
        return small(full);
    }

    @Override
    public CheckedReturn full(CheckedReturn kept, Detail detail) {
        long at = kept.order() < offsets.length ? offsets[kept.order()] : -1;
        if (at < 0) {
            return kept;
        }
        try {
            ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER);
            read(header, at);
            header.flip();
            int[] deflated = new int[PARTS];
            int[] sizes = new int[PARTS];
            long[] starts = new long[PARTS];
            long start = at + RECORD_HEADER;
            for (int part = 0; part < PARTS; part++) {
                deflated[part] = header.getInt();
                sizes[part] = header.getInt();
                starts[part] = start;
                start += deflated[part];
            }
            CheckedReturn read = switch (detail) {
                case EVERYTHING -> {
                    byte[] body = new byte[Math.addExact(Math.addExact(sizes[0], sizes[FIGURES]), sizes[FINDINGS])];
                    int filled = 0;
                    for (int part = 0; part < PARTS; part++) {
                        byte[] inflated = part(starts[part], deflated[part], sizes[part]);
                        System.arraycopy(inflated, 0, body, filled, inflated.length);
                        filled += inflated.length;
                    }
                    yield decode(body, kept.path());
                }
                case FIGURES -> kept.withFigures(figures(input(part(starts[FIGURES], deflated[FIGURES], sizes[FIGURES]))));
                case FINDINGS -> kept.withFindings(findings(input(part(starts[FINDINGS], deflated[FINDINGS], sizes[FINDINGS]))));
            };
            if (kept.findings().size() <= read.findings().size()) {
                return read;
            }
            List<Finding> findings = new ArrayList<>(read.findings());
            findings.addAll(kept.findings().subList(read.findings().size(), kept.findings().size()));
            return read.withFindings(findings);
        } catch (DataFormatException damaged) {
            throw unreadable(new IOException(damaged));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** One part of a record, inflated. */
    private byte[] part(long at, int deflated, int size) throws IOException, DataFormatException {
        byte[] stored = new byte[deflated];
        read(ByteBuffer.wrap(stored), at);
        return DirectInflater.inflate(stored, size);
    }

    private UncheckedIOException unreadable(IOException cause) {
        return new UncheckedIOException("未能读回临时文件 " + file + "（汇总时暂存的填报表明细）。", cause);
    }

    private void read(ByteBuffer buffer, long at) throws IOException {
        long position = at;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException("unexpected end of " + file);
            }
            position += read;
        }
    }

    @Override
    public void close() throws IOException {
        deflater.end();
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * What the consolidation compares: the figures and texts it shows, the scores without their working, and the
     * findings as code and severity only — unless the return is refused, whose first finding's message is its reason.
     */
    private CheckedReturn small(CheckedReturn full) {
        Map<String, BigDecimal> figures = new HashMap<>();
        full.figures().forEach((id, value) -> {
            if (keptFigures.contains(id)) {
                figures.put(share(id), value);
            }
        });
        Map<String, String> texts = new HashMap<>();
        full.texts().forEach((id, text) -> {
            if (KEPT_TEXTS.contains(id)) {
                texts.put(share(id), share(text));
            }
        });
        boolean refused = !full.readable() || full.findings().stream().anyMatch(f -> f.code() == FindingCode.F10);
        List<Finding> findings = refused ? full.findings()
                : full.findings().stream().map(f -> share(new Finding(f.code(), f.severity(), "", "", List.of(), "", "", "", ""))).toList();
        return new CheckedReturn(full.order(), full.file(), full.path(), share(full.format()), full.sha256(),
                full.unit().map(u -> new UnitIdentity(u.code(), u.name(), share(u.year()), u.signed())), full.scores().map(this::small),
                figures, texts, findings, full.form(), full.projects().stream().map(this::small).toList());
    }

    /** A project without its indicator rows and cell addresses: its name, funds, rate, totals and grades. */
    private ProjectOutcome small(ProjectOutcome full) {
        FieldValues.Builder values = FieldValues.builder();
        full.values().numbers().forEach((id, value) -> {
            if (KEPT_PROJECT_FIGURES.contains(id)) {
                values.number(share(id), value);
            }
        });
        full.values().texts().forEach((id, text) -> {
            if (KEPT_PROJECT_TEXTS.contains(id)) {
                values.text(share(id), text);
            }
        });
        ProjectScore score = full.score();
        return new ProjectOutcome(full.sheet(), values.build(), Map.of(), new ProjectScore(score.executionRate(), score.executionScore(),
                List.of(), score.droppedWeight(), score.total(), share(score.grade()), share(score.profile())), full.selfTotal(), full.selfGrade().map(this::share));
    }

    private ScoreSheet small(ScoreSheet full) {
        List<IndicatorScore> indicators = full.indicators().stream()
                .map(i -> share(new IndicatorScore(share(i.indicatorId()), share(i.name()), share(i.weight()), i.outcome(), Optional.empty(),
                        i.score().map(this::share), List.of(), "")))
                .toList();
        return new ScoreSheet(share(full.profileId()), share(indicators), full.total(), share(full.grade()), share(full.applicableWeight()));
    }

    @SuppressWarnings("unchecked")
    private <T> T share(T value) {
        return (T) shared.computeIfAbsent(value, v -> v);
    }

    /**
     * A return's record before it is deflated, and where its figures and its findings start: the sheets that need only
     * one of them (指标得分, 问题清单) inflate and decode just that part.
     */
    private static final class Body extends ByteArrayOutputStream {
        /** Where the figures and the findings start. */
        private int figuresAt;
        private int findingsAt;

        Body() {
            super(16 * 1024);
        }

        /**
         * Unlocked: the record is built on one thread, and DataOutputStream (JDK 17) writes an int as four one-byte
         * writes, each of which took ByteArrayOutputStream's lock — a sixth of the spill's time.
         */
        @Override
        public void write(int b) {
            room(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            room(length);
            System.arraycopy(bytes, offset, buf, count, length);
            count += length;
        }

        private void room(int more) {
            if (more > buf.length - count) {
                buf = Arrays.copyOf(buf, Math.max(2 * buf.length, Math.addExact(count, more)));
            }
        }

        /** Bytes {@code from} to {@code to} deflated in one pass (one native call per output chunk, not per write). */
        byte[] deflated(Deflater deflater, int from, int to) {
            deflater.reset();
            deflater.setInput(buf, from, to - from);
            deflater.finish();
            ByteArrayOutputStream deflated = new ByteArrayOutputStream((to - from) / 4 + 64);
            byte[] chunk = new byte[16 * 1024];
            while (!deflater.finished()) {
                deflated.write(chunk, 0, deflater.deflate(chunk));
            }
            return deflated.toByteArray();
        }
    }

    private static Body encode(CheckedReturn r) {
        Body body = new Body();
        try (DataOutputStream out = new DataOutputStream(body)) {
            out.writeInt(r.order());
            string(out, r.file());
            string(out, r.format());
            string(out, r.sha256());
            out.writeBoolean(r.unit().isPresent());
            if (r.unit().isPresent()) {
                UnitIdentity unit = r.unit().get();
                strings(out, List.of(unit.code(), unit.name(), unit.year()));
                out.writeBoolean(unit.signed());
            }
            out.writeBoolean(r.scores().isPresent());
            if (r.scores().isPresent()) {
                ScoreSheet scores = r.scores().get();
                strings(out, List.of(scores.profileId(), scores.grade()));
                decimal(out, Optional.of(scores.total()));
                decimal(out, Optional.of(scores.applicableWeight()));
                out.writeInt(scores.indicators().size());
                for (IndicatorScore i : scores.indicators()) {
                    strings(out, List.of(i.indicatorId(), i.name(), i.note()));
                    decimal(out, Optional.of(i.weight()));
                    out.writeInt(i.outcome().ordinal());
                    decimal(out, i.rate());
                    decimal(out, i.score());
                    strings(out, i.blankInputs());
                }
            }
            body.figuresAt = body.size();
            out.writeInt(r.figures().size());
            for (Map.Entry<String, BigDecimal> figure : r.figures().entrySet()) {
                string(out, figure.getKey());
                decimal(out, Optional.of(figure.getValue()));
            }
            out.writeInt(r.texts().size());
            for (Map.Entry<String, String> text : r.texts().entrySet()) {
                strings(out, List.of(text.getKey(), text.getValue()));
            }
            body.findingsAt = body.size();
            out.writeInt(r.findings().size());
            for (Finding f : r.findings()) {
                out.writeInt(f.code().ordinal());
                out.writeInt(f.severity().ordinal());
                strings(out, List.of(f.file(), f.sheet(), f.field(), f.expected(), f.actual(), f.message(), f.explained()));
                strings(out, f.cells());
                decimal(out, Optional.ofNullable(f.expectedValue()));
                decimal(out, Optional.ofNullable(f.actualValue()));
            }
            out.writeInt(r.form().ordinal());
            out.writeInt(r.projects().size());
            for (ProjectOutcome project : r.projects()) {
                project(out, project);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body;
    }

    /**
     * Unlocked: DataInputStream (JDK 17) reads an int as four one-byte reads, and ByteArrayInputStream takes its lock
     * for each.
     */
    private static DataInputStream input(byte[] body) throws IOException {
        return new DataInputStream(UnsynchronizedByteArrayInputStream.builder().setByteArray(body).get());
    }

    private static CheckedReturn decode(byte[] body, Path path) throws IOException {
        try (DataInputStream in = input(body)) {
            int order = in.readInt();
            String file = string(in);
            String format = string(in);
            String sha256 = string(in);
            Optional<UnitIdentity> unit = Optional.empty();
            if (in.readBoolean()) {
                List<String> who = strings(in);
                unit = Optional.of(new UnitIdentity(who.get(0), who.get(1), who.get(2), in.readBoolean()));
            }
            Optional<ScoreSheet> scores = Optional.empty();
            if (in.readBoolean()) {
                List<String> sheet = strings(in);
                BigDecimal total = decimal(in).orElseThrow();
                BigDecimal weight = decimal(in).orElseThrow();
                int count = in.readInt();
                List<IndicatorScore> indicators = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    List<String> texts = strings(in);
                    BigDecimal indicatorWeight = decimal(in).orElseThrow();
                    Outcome outcome = Outcome.values()[in.readInt()];
                    Optional<BigDecimal> rate = decimal(in);
                    Optional<BigDecimal> score = decimal(in);
                    indicators.add(new IndicatorScore(texts.get(0), texts.get(1), indicatorWeight, outcome, rate, score, strings(in), texts.get(2)));
                }
                scores = Optional.of(new ScoreSheet(sheet.get(0), indicators, total, sheet.get(1), weight));
            }
            Map<String, BigDecimal> figures = figures(in);
            Map<String, String> texts = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                List<String> text = strings(in);
                texts.put(text.get(0), text.get(1));
            }
            List<Finding> findings = findings(in);
            ReturnForm form = ReturnForm.values()[in.readInt()];
            int projectCount = in.readInt();
            List<ProjectOutcome> projects = new ArrayList<>(projectCount);
            for (int i = 0; i < projectCount; i++) {
                projects.add(project(in));
            }
            return new CheckedReturn(order, file, path, format, sha256, unit, scores, figures, texts, findings, form, projects);
        }
    }

    private static Map<String, BigDecimal> figures(DataInputStream in) throws IOException {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            figures.put(string(in), decimal(in).orElseThrow());
        }
        return figures;
    }

    private static List<Finding> findings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<Finding> findings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            FindingCode code = FindingCode.values()[in.readInt()];
            Severity severity = Severity.values()[in.readInt()];
            List<String> t = strings(in);
            List<String> cells = strings(in);
            findings.add(new Finding(code, severity, t.get(0), t.get(1), cells, t.get(2), t.get(3), t.get(4), t.get(5), t.get(6),
                    decimal(in).orElse(null), decimal(in).orElse(null)));
        }
        return findings;
    }

    private static void project(DataOutputStream out, ProjectOutcome project) throws IOException {
        string(out, project.sheet());
        values(out, project.values().numbers(), project.values().texts());
        out.writeInt(project.values().tables().size());
        for (Map.Entry<String, List<TableRow>> table : project.values().tables().entrySet()) {
            string(out, table.getKey());
            out.writeInt(table.getValue().size());
            for (TableRow row : table.getValue()) {
                out.writeInt(row.index());
                values(out, row.numbers(), row.texts());
            }
        }
        out.writeInt(project.sources().size());
        for (Map.Entry<String, CellSource> source : project.sources().entrySet()) {
            strings(out, List.of(source.getKey(), source.getValue().ref(), source.getValue().original()));
        }
        ProjectScore score = project.score();
        decimal(out, score.executionRate());
        decimal(out, Optional.of(score.executionScore()));
        out.writeInt(score.rows().size());
        for (IndicatorRowScore row : score.rows()) {
            out.writeInt(row.index());
            out.writeInt(row.kind().map(Enum::ordinal).orElse(-1));
            decimal(out, row.ratio());
            decimal(out, row.score());
            string(out, row.problem());
        }
        decimal(out, Optional.of(score.droppedWeight()));
        decimal(out, Optional.of(score.total()));
        string(out, score.grade());
        string(out, score.profile());
        decimal(out, project.selfTotal());
        out.writeBoolean(project.selfGrade().isPresent());
        if (project.selfGrade().isPresent()) {
            string(out, project.selfGrade().get());
        }
    }

    private static ProjectOutcome project(DataInputStream in) throws IOException {
        String sheet = string(in);
        FieldValues.Builder values = FieldValues.builder();
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        values(in, numbers, texts);
        numbers.forEach(values::number);
        texts.forEach(values::text);
        for (int t = in.readInt(); t > 0; t--) {
            String table = string(in);
            for (int r = in.readInt(); r > 0; r--) {
                int index = in.readInt();
                Map<String, BigDecimal> rowNumbers = new LinkedHashMap<>();
                Map<String, String> rowTexts = new LinkedHashMap<>();
                values(in, rowNumbers, rowTexts);
                values.row(table, new TableRow(index, rowNumbers, rowTexts));
            }
        }
        Map<String, CellSource> sources = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            List<String> source = strings(in);
            sources.put(source.get(0), new CellSource(source.get(1), source.get(2)));
        }
        Optional<BigDecimal> rate = decimal(in);
        BigDecimal executionScore = decimal(in).orElseThrow();
        int count = in.readInt();
        List<IndicatorRowScore> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = in.readInt();
            int kind = in.readInt();
            rows.add(new IndicatorRowScore(index, kind < 0 ? Optional.empty() : Optional.of(OperatorKind.values()[kind]), decimal(in),
                    decimal(in), string(in)));
        }
        BigDecimal dropped = decimal(in).orElseThrow();
        BigDecimal total = decimal(in).orElseThrow();
        String grade = string(in);
        String profile = string(in);
        Optional<BigDecimal> selfTotal = decimal(in);
        Optional<String> selfGrade = in.readBoolean() ? Optional.of(string(in)) : Optional.empty();
        return new ProjectOutcome(sheet, values.build(), sources, new ProjectScore(rate, executionScore, rows, dropped, total, grade, profile),
                selfTotal, selfGrade);
    }

    private static void values(DataOutputStream out, Map<String, BigDecimal> numbers, Map<String, String> texts) throws IOException {
        out.writeInt(numbers.size());
        for (Map.Entry<String, BigDecimal> number : numbers.entrySet()) {
            string(out, number.getKey());
            decimal(out, Optional.of(number.getValue()));
        }
        out.writeInt(texts.size());
        for (Map.Entry<String, String> text : texts.entrySet()) {
            strings(out, List.of(text.getKey(), text.getValue()));
        }
    }

    private static void values(DataInputStream in, Map<String, BigDecimal> numbers, Map<String, String> texts) throws IOException {
        for (int i = in.readInt(); i > 0; i--) {
            numbers.put(string(in), decimal(in).orElseThrow());
        }
        for (int i = in.readInt(); i > 0; i--) {
            List<String> text = strings(in);
            texts.put(text.get(0), text.get(1));
        }
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            string(out, value);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(string(in));
        }
        return values;
    }

    /** Exactly as it was, scale included ("12.50" stays "12.50"); absent as a blank. */
    private static void decimal(DataOutputStream out, Optional<BigDecimal> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            string(out, value.get().toString());
        }
    }

    private static Optional<BigDecimal> decimal(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(new BigDecimal(string(in))) : Optional.empty();
    }
}
