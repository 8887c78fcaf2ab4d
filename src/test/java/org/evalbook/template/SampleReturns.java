package org.evalbook.template;

import org.evalbook.roster.RosterException;
import org.evalbook.roster.RosterRow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.intake.FiguresFile;
import org.evalbook.intake.UnitFigures;

/**
 * The two seed units' returns in {@code test-workbooks/returned/}: issued from the sample roster, filled by name
 * with every figure the seed reports give ({@code test-workbooks/seed-figures}), blanks where they give none, and
 * the reports' own text in the report sections (copies of the seeds in {@code src/test/resources/seeds}). Their
 * inconsistencies are left in. Regenerate with {@code mvn test -Dtest=SampleReturnsTest -Devalbook.updateGolden=true}.
 */
final class SampleReturns {
    static final Path DIR = Path.of("test-workbooks", "returned");

    /** A seed, its roster code, and where each report section starts in its text (the heading's first words). */
    record Seed(String name, String unitCode, Map<String, String> sections) {
    }

    static final List<Seed> SEEDS = List.of(
            new Seed("kunming-2017", "0530101", sections(
                    "report_overview", "一、部门概况",
                    "report_targets", "二、绩效目标",
                    "report_conclusion", "三、评价思路和过程",
                    "report_experience", "五、主要经验做法",
                    "report_problems", "六、存在的问题",
                    "report_measures", "7、 改进措施及建议")),
            new Seed("zhuhui-2022", "0430405", sections(
                    "report_overview", "部门概况",
                    "report_spending", "二、部门整体支出管理及使用情况",
                    "report_targets", "三、部门整体支出绩效情况",
                    "report_problems", "六、存在的主要问题",
                    "report_measures", "七、改进措施和有关建议")));

    private SampleReturns() {
    }

    static Path file(Seed seed) throws IOException, RosterException {
        RosterRow unit = Issued.unit(seed.unitCode());
        return DIR.resolve(FileNames.issued(unit.unitCode(), unit.unitName(), unit.fiscalYear()));
    }

    /** Issues and fills the seed's return. */
    static XSSFWorkbook build(Seed seed) throws IOException, RosterException {
        XSSFWorkbook workbook = Issued.workbook(seed.unitCode());
        UnitFigures figures;
        try (InputStream in = Files.newInputStream(Path.of("test-workbooks", "seed-figures", seed.name() + ".yaml"))) {
            figures = FiguresFile.read(seed.name(), in, Issued.FRAMEWORK);
        }
        WorkbookFiller filler = new WorkbookFiller(workbook);
        filler.fill(figures.values());
        sectionTexts(seed).forEach((name, text) -> filler.cell(name, 0).setCellValue(text));
        ReportSheet.fitBoxes(workbook.getSheet(ReportSheet.NAME));
        XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
        return workbook;
    }

    /** The seed text cut at each section's heading, from the section's heading up to the next one. */
    static Map<String, String> sectionTexts(Seed seed) {
        String text = seedText(seed.name());
        Map<String, String> texts = new LinkedHashMap<>();
        List<Map.Entry<String, String>> starts = List.copyOf(seed.sections().entrySet());
        for (int i = 0; i < starts.size(); i++) {
            int from = lineStart(text, starts.get(i).getValue());
            int to = i + 1 < starts.size() ? lineStart(text, starts.get(i + 1).getValue()) : text.length();
            texts.put(starts.get(i).getKey(), text.substring(from, to).strip());
        }
        return texts;
    }

    static String seedText(String name) {
        try (InputStream in = SampleReturns.class.getResourceAsStream("/seeds/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineStart(String text, String heading) {
        int at = text.startsWith(heading) ? 0 : text.indexOf("\n" + heading) + 1;
        if (at <= 0 && !text.startsWith(heading)) {
            throw new IllegalArgumentException("heading not found: " + heading);
        }
        return at;
    }

    private static Map<String, String> sections(String... pairs) {
        Map<String, String> sections = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            sections.put(pairs[i], pairs[i + 1]);
        }
        return sections;
    }

    static void write(Seed seed) throws IOException, RosterException {
        Files.createDirectories(DIR);
        try (XSSFWorkbook workbook = build(seed); OutputStream out = Files.newOutputStream(file(seed))) {
            workbook.write(out);
        }
    }

    static Optional<Seed> seed(String name) {
        return SEEDS.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
