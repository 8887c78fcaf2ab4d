package org.evalbook.template;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.check.IndicatorRowScore;
import org.evalbook.check.ProjectScore;
import org.evalbook.check.ProjectScorer;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Frameworks;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.framework.ProjectProfile;
import org.evalbook.framework.TableRow;
import org.evalbook.roster.RosterException;
import org.evalbook.roster.RosterRow;
import org.evalbook.signing.SigningKey;

/**
 * The sample 项目支出绩效自评 returns in {@code test-workbooks/project/} (what each plants: its README.md). Each is issued
 * by {@link ProjectWorkbookWriter} with the public demo key at {@link Issued#ISSUED_AT}, filled through the sheet-scoped
 * names as a unit's program would, and recalculated by POI as the unit's Excel would on saving. The unit's self-scores
 * are the recomputed scores unless a project says otherwise (a 定性 row's own score, a planted full mark); its self total
 * is 执行率得分 + Σ self-scores, as the unit adds them up. Regenerate with
 * {@code mvn test -Dtest=ProjectSamplesTest -Devalbook.updateGolden=true}.
 */
final class ProjectSamples {
    static final ProjectFramework PROJECT = (ProjectFramework) Frameworks.bundledAny(Frameworks.PROJECT_ID);
    static final Path DIR = Path.of("test-workbooks", "project");

    /** One indicator row as the unit types it; {@code self} empty: the unit writes the recomputed score. */
    record Indicator(String level1, String level2, String name, String op, String target, String unit, String actual,
                     int weight, Optional<BigDecimal> self, String reason) {
        static Indicator counted(String level1, String level2, String name, String op, String target, String unit, String actual, int weight) {
            return new Indicator(level1, level2, name, op, target, unit, actual, weight, Optional.empty(), "");
        }

        static Indicator judged(String level1, String level2, String name, String target, String level, int weight, String self, String reason) {
            return new Indicator(level1, level2, name, "定性", target, "", level, weight, Optional.of(new BigDecimal(self)), reason);
        }

        Indicator withSelf(String score, String why) {
            return new Indicator(level1, level2, name, op, target, unit, actual, weight, Optional.of(new BigDecimal(score)), why);
        }
    }

    /** One project sheet: funds by line stem (total, fiscal, carry, other) and period (initial, full, exec). */
    record Project(String name, Map<String, BigDecimal> funds, String goalExpected, String goalActual, List<Indicator> indicators) {
    }

    /** A sample return: the unit, its contact, its projects. */
    record Sample(String unitCode, String unitName, String parentDept, int year, String contactName, String contactPhone,
                  LocalDate filled, List<Project> projects) {
        Path file() {
            return DIR.resolve(ProjectWorkbookWriter.fileName(PROJECT, unitCode, unitName, year));
        }
    }

    private ProjectSamples() {
    }

    static List<Sample> all() throws IOException, RosterException {
        return List.of(kunming(), plantedMistakes());
    }

    /** 昆明市计划生育协会 2017: the six projects the seed names, with its figures; a clean return but for C29 on 青春健康. */
    static Sample kunming() throws IOException, RosterException {
        // The sample roster carries the department form's figure columns, which the project form's reading refuses.
        RosterRow unit = Issued.unit("0530101");
        List<Project> projects = List.of(
                new Project("计生基层群众自治示范乡镇创建", funds("15.4", "8", "7.4"),
                        "创建2个计生基层群众自治示范乡镇，提高基层计生协自我管理、自我教育、自我服务、自我监督的能力。",
                        "晋宁区上蒜镇、东川区拖布卡镇完成创建，投入资金15.4万元（省级7.4万元、市级8万元）；开展政策宣传培训和服务活动，修订完善计生自治村规民约。",
                        List.of(Indicator.counted("产出指标", "数量指标", "创建计生基层群众自治示范乡镇数", "≥", "2", "个", "2", 30),
                                timely(), social("基层计生协自治能力", "明显提高"), lasting("计生自治村规民约", "修订完善"), satisfied())),
                new Project("优秀会员之家创建", funds("9", "9", null),
                        "创建5个市级优秀“会员之家”项目示范点，形成多主题宣传、多角度服务的人口文化宣传格局。",
                        "盘龙区盘江社区、安宁市金方街道新村社区等5个“会员之家”完成创建，投入项目资金9万元。",
                        List.of(Indicator.counted("产出指标", "数量指标", "创建市级优秀会员之家数", "≥", "5", "个", "5", 30),
                                timely(), social("会员在家门口获得关怀和服务", "明显改善"), lasting("会员之家阵地建设", "长期发挥作用"), satisfied())),
                new Project("流动人口服务管理示范点创建", funds("11", "11", null),
                        "创建2个流动人口服务管理示范点，完善流动人口“会员之家”“儿童之家”等阵地建设。",
                        "五华区月芽塘社区、寻甸县南钟社区完成省、市两级示范点创建，项目资金11万元；开展政策法规、生殖健康讲座和技能培训。",
                        List.of(Indicator.counted("产出指标", "数量指标", "创建流动人口服务管理示范点数", "≥", "2", "个", "2", 30),
                                timely(), social("流动人口获得感、认同感和归属感", "明显增强"), lasting("流动人口服务阵地", "长期发挥作用"), satisfied())),
                new Project("计划生育特殊家庭帮扶", funds("5", "5", null),
                        "承办中国计生协计生特殊家庭帮扶项目1个，在西山区、官渡区、安宁市对目标人群610户开展帮扶。",
                        "完成特殊家庭信息采集623户，开展关怀慰问610户，办理公交爱心卡1148张，健康体检210户，赠送计生家庭意外伤害保险610户。",
                        List.of(Indicator.counted("产出指标", "数量指标", "承办计生特殊家庭帮扶项目数", "≥", "1", "个", "1", 15),
                                Indicator.counted("产出指标", "数量指标", "关怀慰问特殊家庭户数", "≥", "610", "户", "610", 15),
                                timely(), social("特殊家庭生活困难得到缓解", "有效缓解"), lasting("特殊家庭帮扶工作机制", "持续完善"), satisfied())),
                new Project("生育关怀行动", funds("5", "5", null),
                        "在2个县区开展生育关怀活动，慰问100户困难计生家庭。",
                        "联合富民县、东川区计生协开展留守儿童、贫困计生家庭、留守妇女和老人生育关怀活动，项目支出5万元。",
                        List.of(Indicator.counted("产出指标", "数量指标", "开展生育关怀活动县区数", "≥", "2", "个", "2", 15),
                                // The report does not count the households visited: a judgement, scored low in its band, explained.
                                Indicator.judged("产出指标", "数量指标", "慰问困难计生家庭（计划100户）", "完成慰问", "达成", 15, "12",
                                        "慰问户数未单独统计，按活动开展情况自评；下年度建立慰问台账，逐户登记。"),
                                timely(), social("困难计生家庭生产生活条件", "有所改善"), lasting("生育关怀与扶贫攻坚相结合", "持续推进"), satisfied())),
                new Project("青春健康项目", funds("15.44", "15.44", null),
                        "创建2个市级青春健康项目示范点，开展青春健康教育和师资培训。",
                        "开展省、市级青春健康示范项目3个，投入资金15.44万元；举办第一期青春健康师资培训，为5名学生提供咨询和转介服务。",
                        List.of(Indicator.counted("产出指标", "数量指标", "市级青春健康项目示范点数", "≥", "2", "个", "3", 30),
                                timely(), social("青少年青春健康知识和技能", "明显提升"), lasting("青春健康教育常态化", "逐步形成"), satisfied())));
        return new Sample(unit.unitCode(), unit.unitName(), unit.parentDept(), unit.fiscalYear(), unit.contact(), "0871-12345678",
                LocalDate.of(2026, 2, 10), projects);
    }

    /**
     * 石鼓 (in the sample roster, with no seed report: its projects are invented) carrying two defects of published
     * forms: 池州 2022's fund total of 0 over filled lines, and 重庆 2021's full marks for an indicator at 72.74 % of its
     * target.
     */
    static Sample plantedMistakes() {
        Map<String, BigDecimal> zeroTotal = new LinkedHashMap<>();
        put(zeroTotal, "total", "30", "0", "0");
        put(zeroTotal, "fiscal", "20", "20", "19.6");
        put(zeroTotal, "other", "10", "10", "9.8");
        Map<String, BigDecimal> youth = new LinkedHashMap<>();
        put(youth, "total", "50", "50", "48.5");
        put(youth, "fiscal", "50", "50", "48.5");
        List<Project> projects = List.of(
                new Project("计生特殊家庭帮扶项目", zeroTotal,
                        "对全区120户计生特殊家庭开展帮扶，帮扶资金足额、及时发放，特殊家庭生活困难得到有效缓解。",
                        "帮扶计生特殊家庭118户（2户迁出本区），帮扶资金全部按时发放。",
                        List.of(Indicator.counted("产出指标", "数量指标", "帮扶计生特殊家庭户数", "≥", "120", "户", "118", 20)
                                        .withSelf("19.67", "2户年内迁出本区，未能入户帮扶；已移交迁入地计生协。"),
                                Indicator.counted("产出指标", "质量指标", "帮扶资金足额发放率", "≥", "100", "%", "100", 15),
                                Indicator.counted("产出指标", "时效指标", "帮扶资金按时发放率", "≥", "100", "%", "100", 15),
                                Indicator.judged("效益指标", "社会效益指标", "特殊家庭生活困难得到缓解", "有效缓解", "达成", 20, "18",
                                        "部分家庭仍有就医困难，下年度增加医疗帮扶。"),
                                lasting("帮扶工作长效机制", "逐步建立"),
                                Indicator.counted("满意度指标", "服务对象满意度指标", "帮扶对象满意度", "≥", "90", "%", "96", 10))),
                new Project("青少年健康服务项目", youth,
                        "青春健康服务覆盖全区目标学校，举办健康讲座12场，青少年健康知识知晓率达到85%。",
                        "覆盖目标学校的72.74%，举办讲座12场，知晓率88%。",
                        List.of(Indicator.counted("产出指标", "数量指标", "目标学校覆盖率", "≥", "100", "%", "72.74", 20).withSelf("20", ""),
                                Indicator.counted("产出指标", "数量指标", "举办健康讲座场次", "≥", "12", "场", "12", 15),
                                Indicator.counted("产出指标", "时效指标", "项目按期完成率", "≥", "100", "%", "100", 15),
                                Indicator.counted("效益指标", "社会效益指标", "青少年健康知识知晓率", "≥", "85", "%", "88", 20),
                                Indicator.judged("效益指标", "可持续影响指标", "服务模式可推广", "形成可推广模式", "达成", 10, "9",
                                        "推广范围限于城区学校，下年度向乡镇学校延伸。"),
                                Indicator.counted("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", "90", "%", "93", 10))));
        return new Sample("0430406", "石鼓区计划生育协会", "衡阳市石鼓区卫生健康局", 2022, "王芳", "0734-12345678", LocalDate.of(2026, 2, 12), projects);
    }

    private static Indicator timely() {
        return Indicator.counted("产出指标", "时效指标", "项目年内完成率", "≥", "100", "%", "100", 20);
    }

    private static Indicator social(String name, String target) {
        return Indicator.judged("效益指标", "社会效益指标", name, target, "达成", 20, "20", "");
    }

    private static Indicator lasting(String name, String target) {
        return Indicator.judged("效益指标", "可持续影响指标", name, target, "达成", 10, "10", "");
    }

    private static Indicator satisfied() {
        return Indicator.counted("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", "90", "%", "95", 10);
    }

    /** 年初预算数 = 全年预算数 = 全年执行数 = total, split into 当年财政拨款 and 其他资金 (上级补助). */
    private static Map<String, BigDecimal> funds(String total, String fiscal, String other) {
        Map<String, BigDecimal> funds = new LinkedHashMap<>();
        put(funds, "total", total, total, total);
        put(funds, "fiscal", fiscal, fiscal, fiscal);
        if (other != null) {
            put(funds, "other", other, other, other);
        }
        return funds;
    }

    private static void put(Map<String, BigDecimal> funds, String stem, String initial, String full, String exec) {
        funds.put("pj_funds_" + stem + "_initial", new BigDecimal(initial));
        funds.put("pj_funds_" + stem + "_full", new BigDecimal(full));
        funds.put("pj_funds_" + stem + "_exec", new BigDecimal(exec));
    }

    static ProjectProfile profile() {
        return PROJECT.profile("default").orElseThrow();
    }

    /** The values the unit types on a project sheet, self-scores and self total included. */
    static FieldValues values(Sample sample, Project project) {
        ProjectScore score = new ProjectScorer(PROJECT, profile()).score(typed(sample, project, Map.of()));
        Map<Integer, BigDecimal> selves = new HashMap<>();
        BigDecimal total = score.executionScore();
        for (int i = 0; i < project.indicators().size(); i++) {
            IndicatorRowScore row = score.rows().get(i);
            BigDecimal self = project.indicators().get(i).self().orElseGet(() -> row.score().orElseThrow());
            selves.put(i + 1, self);
            total = total.add(self);
        }
        total = total.setScale(2, RoundingMode.HALF_UP);
        return withTotals(typed(sample, project, selves), total);
    }

    private static FieldValues withTotals(FieldValues typed, BigDecimal total) {
        FieldValues.Builder values = FieldValues.builder();
        typed.numbers().forEach(values::number);
        typed.texts().forEach(values::text);
        typed.rows("pi").forEach(r -> values.row("pi", r));
        return values.number("pj_self_total", total).text("pj_self_grade", PROJECT.gradeFor(total)).build();
    }

    private static FieldValues typed(Sample sample, Project project, Map<Integer, BigDecimal> selves) {
        FieldValues.Builder values = FieldValues.builder().text("pj_name", project.name()).text("pj_dept", sample.parentDept())
                .text("pj_unit", sample.unitName()).text("pj_goal_expected", project.goalExpected()).text("pj_goal_actual", project.goalActual());
        project.funds().forEach(values::number);
        for (int i = 0; i < project.indicators().size(); i++) {
            Indicator indicator = project.indicators().get(i);
            Map<String, BigDecimal> numbers = new HashMap<>();
            Map<String, String> texts = new HashMap<>();
            texts.put("pi_level1", indicator.level1());
            texts.put("pi_level2", indicator.level2());
            texts.put("pi_name", indicator.name());
            texts.put("pi_op", indicator.op());
            if (!indicator.unit().isEmpty()) {
                texts.put("pi_unit", indicator.unit());
            }
            figure(numbers, texts, "pi_target", indicator.target());
            figure(numbers, texts, "pi_actual", indicator.actual());
            numbers.put("pi_weight", BigDecimal.valueOf(indicator.weight()));
            Optional.ofNullable(selves.get(i + 1)).or(indicator::self).ifPresent(s -> numbers.put("pi_self", s));
            if (!indicator.reason().isEmpty()) {
                texts.put("pi_reason", indicator.reason());
            }
            values.row("pi", new TableRow(i + 1, numbers, texts));
        }
        return values.build();
    }

    /** A number where the unit types one, else text (a 定性 target or level). */
    private static void figure(Map<String, BigDecimal> numbers, Map<String, String> texts, String id, String value) {
        if (value.matches("[0-9]+(\\.[0-9]+)?")) {
            numbers.put(id, new BigDecimal(value));
        } else {
            texts.put(id, value);
        }
    }

    /** Issues the sample's workbook and fills it as the unit would, cached values computed. */
    static XSSFWorkbook build(Sample sample) {
        FieldValues prefill = FieldValues.builder().text("unit_code", sample.unitCode()).text("unit_name", sample.unitName())
                .number("fiscal_year", BigDecimal.valueOf(sample.year())).text("parent_dept", sample.parentDept())
                .text("contact_name", sample.contactName()).build();
        UnitIssue issue = new UnitIssue(sample.unitCode(), sample.unitName(), sample.year(), "default", Optional.empty(),
                Optional.of(LocalDate.of(2026, 3, 31)), Issued.ISSUED_AT, prefill);
        List<FieldValues> listed = sample.projects().stream().map(p -> FieldValues.builder().text("pj_name", p.name())
                .text("pj_dept", sample.parentDept()).text("pj_unit", sample.unitName())
                .number("pj_funds_total_initial", p.funds().get("pj_funds_total_initial")).build()).toList();
        XSSFWorkbook workbook = ProjectWorkbookWriter.workbook(PROJECT, profile(), Optional.of(issue), listed, SigningKey.PUBLIC_DEMO);
        unitCell(workbook, "contact_phone").setCellValue(sample.contactPhone());
        unitCell(workbook, "fill_date").setCellValue(sample.filled());
        List<XSSFSheet> sheets = ProjectCells.projectSheets(workbook);
        for (int i = 0; i < sample.projects().size(); i++) {
            new ProjectCells(workbook, sheets.get(i)).fill(values(sample, sample.projects().get(i)));
            growRows(sheets.get(i));
        }
        XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
        return workbook;
    }

    /** The indicator rows grown to their wrapped text, as Excel grows a row of no set height while the unit types. */
    private static void growRows(XSSFSheet sheet) {
        for (org.apache.poi.ss.usermodel.Row any : sheet) {
            org.apache.poi.xssf.usermodel.XSSFRow row = (org.apache.poi.xssf.usermodel.XSSFRow) any;
            if (row.getCTRow().isSetCustomHeight()) {
                continue;
            }
            float needed = sheet.getDefaultRowHeightInPoints();
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getCellStyle().getWrapText()) {
                    needed = Math.max(needed, Grid.heightFor(cell.getStringCellValue(), sheet.getColumnWidth(cell.getColumnIndex()) / 256));
                }
            }
            row.setHeightInPoints(needed);
        }
    }

    private static Cell unitCell(XSSFWorkbook workbook, String id) {
        XSSFName name = workbook.getNames(id).stream().filter(n -> n.getSheetIndex() == -1).findFirst().orElseThrow();
        CellReference ref = new AreaReference(name.getRefersToFormula(), workbook.getSpreadsheetVersion()).getFirstCell();
        XSSFSheet sheet = workbook.getSheet(ref.getSheetName());
        return sheet.getRow(ref.getRow()).getCell(ref.getCol());
    }

    static void write(Sample sample) throws IOException {
        Files.createDirectories(DIR);
        try (XSSFWorkbook workbook = build(sample); OutputStream out = Files.newOutputStream(sample.file())) {
            workbook.write(out);
        }
    }

    /** Every defined name's cells, with each formula's cached value, sheet by sheet: the content of a sample. */
    static String namesDump(XSSFWorkbook workbook) {
        List<String> lines = new ArrayList<>();
        workbook.getAllNames().stream().sorted(java.util.Comparator.comparing((XSSFName n) -> n.getSheetIndex()).thenComparing(XSSFName::getNameName))
                .forEach(name -> {
                    AreaReference area = new AreaReference(name.getRefersToFormula(), workbook.getSpreadsheetVersion());
                    for (CellReference ref : area.getAllReferencedCells()) {
                        XSSFSheet sheet = workbook.getSheet(ref.getSheetName());
                        Cell cell = sheet.getRow(ref.getRow()) == null ? null : sheet.getRow(ref.getRow()).getCell(ref.getCol());
                        lines.add((name.getSheetIndex() < 0 ? "" : workbook.getSheetName(name.getSheetIndex()) + "/") + name.getNameName()
                                + " " + ref.formatAsString() + " = " + shown(cell));
                    }
                });
        return String.join("\n", lines) + "\n";
    }

    /** A cell's value as the unit's Excel saved it: a formula's cached result, a date as its serial number. */
    private static String shown(Cell cell) {
        if (cell == null) {
            return "(none)";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String value = switch (type) {
            case NUMERIC -> "n " + BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> "s " + cell.getStringCellValue();
            case BOOLEAN -> "b " + cell.getBooleanCellValue();
            case ERROR -> "e " + cell.getErrorCellValue();
            default -> "(blank)";
        };
        return (cell.getCellType() == CellType.FORMULA ? "formula " : "") + value;
    }
}
