package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.template.WorkbookFiller;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every finding code has a real file that triggers it (F08 and F14 also by killed workers: IsolatedReaderTest). */
class FindingCodesTest {
    @TempDir
    static Path temp;

    /** How to make the file for a code, and the field the finding must name ("" for a finding about the file). */
    private record Fixture(Maker maker, String field) {
    }

    @FunctionalInterface
    private interface Maker {
        Path make(Fixtures fixtures) throws Exception;
    }

    private static final Map<FindingCode, Fixture> FIXTURES = new EnumMap<>(FindingCode.class);

    static {
        put(FindingCode.F01, f -> f.text("f01.xlsx", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "");
        put(FindingCode.F02, f -> f.zip("f02.xlsx", "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"), "");
        put(FindingCode.F03, f -> f.encrypted("f03.xlsx"), "");
        put(FindingCode.F04, f -> f.zip("f04.xlsb", "[Content_Types].xml", "<Types/>", "xl/workbook.bin", "x"), "");
        put(FindingCode.F05, f -> f.zip("f05.xlsx", "[Content_Types].xml", "<Types/>", "xl/workbook.xml",
                "<workbook xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"/>"), "");
        put(FindingCode.F06, f -> f.ole2("f06.xls", "Book"), "");
        put(FindingCode.F07, f -> f.truncated("f07.xlsx"), "");
        put(FindingCode.F08, f -> {
            Path big = temp.resolve("f08.xlsx");
            try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
                file.setLength(51L * 1024 * 1024);
            }
            return big;
        }, "");
        put(FindingCode.F09, f -> f.withEntry("f09.xlsm", "xl/vbaProject.bin"), "");
        put(FindingCode.F10, f -> f.foreign("f10.xlsx"), "");
        put(FindingCode.F11, f -> f.pasted("f11.xlsx"), "");
        put(FindingCode.F12, f -> f.edited("f12.xlsx", w -> {
            var below = w.cell("task_name", 20);
            below.setCellValue("表格下方补填的任务");
            w.cell("task_planned", 20).setCellValue(1);
        }), "task_name");
        put(FindingCode.F13, f -> f.workbook("f13.xlsx", w -> w.getName("contact_name").setRefersToFormula("#REF!")), "contact_name");
        put(FindingCode.F15, f -> f.text("f15.pdf", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "");
        put(FindingCode.F16, f -> f.zip("f16.ods", "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                "content.xml", "<office:document-content/>"), "");
        put(FindingCode.C01, f -> f.edited("c01.xlsx", w -> w.cell("inc_total", 0).setCellValue(101)), "inc_total");
        put(FindingCode.C02, f -> f.edited("c02.xlsx", w -> w.cell("exp_total_budget", 0).setCellValue(110)), "exp_total_budget");
        put(FindingCode.C03, f -> f.edited("c03.xlsx", w -> w.cell("exp_personnel_final", 0).setCellValue(51)), "exp_basic_final");
        put(FindingCode.C04, f -> f.edited("c04.xlsx", w -> w.cell("func_final", 0).setCellValue(99)), "exp_total_final");
        put(FindingCode.C05, f -> f.edited("c05.xlsx", w -> w.cell("proj_final", 0).setCellValue(39)), "exp_project_final");
        put(FindingCode.C06, f -> f.edited("c06.xlsx", w -> w.cell("sangong_vehicle_operation_final", 0).setCellValue(2)), "sangong_vehicle_final");
        put(FindingCode.C07, f -> f.edited("c07.xlsx", w -> w.cell("carry_end", 0).setCellValue(6)), "carry_end");
        put(FindingCode.C08, f -> f.edited("c08.xlsx", w -> w.cell("budget_addition", 0).setCellValue(5)), "exp_total_adjusted");
        put(FindingCode.C09, f -> f.edited("c09.xlsx", w -> w.cell("staff_actual", 0).setCellValue(8)), "staff_actual");
        put(FindingCode.C10, f -> f.edited("c10.xlsx", w -> w.cell("exp_total_adjusted", 0).setCellValue(125)), "exp_total_final");
        put(FindingCode.C11, f -> f.edited("c11.xlsx", w -> w.clear("contact_name", 0)), "contact_name");
        put(FindingCode.C12, f -> f.edited("c12.xlsx", w -> w.cell("sangong_total_final", 0).setCellValue(10000)), "sangong_total_final");
        put(FindingCode.C13, f -> f.edited("c13.xlsx", w -> w.cell("inc_other", 0).setCellValue("１０万元")), "inc_other");
        put(FindingCode.C14, f -> f.edited("c14.xlsx", w -> w.cell("self_input_staff_control", 0).setCellValue(2)), "self_input_staff_control");
        put(FindingCode.C15, f -> f.edited("c15.xlsx", w -> w.cell("self_input_staff_control", 0).setCellValue(2)), "reason_input_staff_control");
        put(FindingCode.C16, f -> f.edited("c16.xlsx", w -> w.cell("staff_actual", 0).setCellValue(9)), "self_input_staff_control");
        put(FindingCode.C17, f -> f.edited("c17.xlsx", w -> w.cell("report_spending", 0)
                .setCellValue("本年支出合计120万元，其中基本支出60万元。")), "exp_total_final");
        put(FindingCode.C18, f -> f.edited("c18.xlsx", w -> {
            var cell = w.cell("score_input_staff_control", 0);
            cell.removeFormula();
            cell.setCellValue(3);
        }), "score_input_staff_control");
        put(FindingCode.C19, f -> f.workbook("c19.xlsx", w -> {
            Sheet meta = w.getSheet("meta");
            for (Row row : meta) {
                if (row.getCell(0).getStringCellValue().equals("unit_name")) {
                    row.getCell(1).setCellValue("另一个单位");
                }
            }
        }), "");
        put(FindingCode.C20, f -> f.edited("c20.xlsx", w -> w.cell("func_code", 0).setCellValue("21007")), "func_code[1]");
        put(FindingCode.C21, f -> f.edited("c21.xlsx", w -> w.cell("pay_planned_progress", 0).setCellValue(100)), "pay_planned_progress");
        put(FindingCode.C22, f -> f.edited("c22.xlsx", w -> w.cell("self_effect_social", 0).setCellValue(3)), "self_effect_social");
        put(FindingCode.C23, f -> f.edited("c23.xlsx", w -> w.clear("survey_valid", 0)), "effect_satisfaction");
        // Saved as openpyxl saves: every formula kept, each with an empty result (<v/>), which POI reads as 0.
        put(FindingCode.C26, f -> f.workbook("c26.xlsx", w -> formulaCells(w).forEach(c -> c.getCTCell().setV(""))), "score_total");
        put(FindingCode.C24, f -> f.edited("c24.xlsx", w -> w.cell("check_process_disclosure_1", 0).setCellValue("√")), "check_process_disclosure_1");
        // The project form's own codes, on a project return (项目支出绩效自评表).
        put(FindingCode.C27, f -> project("c27.xlsx", p -> p.funds[0][1] = 0), "pj_funds_total_full");
        put(FindingCode.C28, f -> project("c28.xlsx", p -> p.rows.set(2, p.rows.get(2).weight(10).self(10))), "pi_weight[1]");
        put(FindingCode.C29, f -> project("c29.xlsx", p -> p.rows.set(0, p.rows.get(0).withActual(700))), "pi_actual[1]");
    }

    /** A consistent one-project return with one mistake planted. */
    private static Path project(String name, java.util.function.Consumer<org.evalbook.intake.ProjectReturns.Project> plant) throws Exception {
        org.evalbook.intake.ProjectReturns.Project project = org.evalbook.intake.ProjectReturns.consistent("项目1", "农民技能培训");
        plant.accept(project);
        return org.evalbook.intake.ProjectReturns.write(temp.resolve(name), java.util.List.of(project));
    }

    /** Every formula cell of a workbook. */
    static java.util.List<org.apache.poi.xssf.usermodel.XSSFCell> formulaCells(org.apache.poi.xssf.usermodel.XSSFWorkbook workbook) {
        java.util.List<org.apache.poi.xssf.usermodel.XSSFCell> cells = new java.util.ArrayList<>();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                row.forEach(cell -> {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                        cells.add((org.apache.poi.xssf.usermodel.XSSFCell) cell);
                    }
                });
            }
        }
        return cells;
    }

    private static void put(FindingCode code, Maker maker, String field) {
        FIXTURES.put(code, new Fixture(maker, field));
    }

    /**
     * F14 (a reader process that dies) is triggered with a real crashing worker in IsolatedReaderTest; F17, F18 and
     * C25 are about files in a batch (the test below); M01 about a consolidation with a receipt log (the last test).
     */
    @ParameterizedTest
    @EnumSource(value = FindingCode.class, names = {"F14", "F17", "F18", "C25", "M01"}, mode = EnumSource.Mode.EXCLUDE)
    void everyCodeHasAFixtureThatTriggersIt(FindingCode code) throws Exception {
        Fixture fixture = FIXTURES.get(code);
        assertThat(fixture).as("a fixture for " + code).isNotNull();
        Path file = fixture.maker().make(new Fixtures(temp));
        CheckResult result = Checks.of(file);
        assertThat(result.findings()).as(Checks.describe(result))
                .anySatisfy(f -> {
                    assertThat(f.code()).isEqualTo(code);
                    assertThat(f.file()).isEqualTo(file.getFileName().toString());
                    assertThat(f.message()).isNotBlank();
                    if (!fixture.field().isEmpty()) {
                        assertThat(f.field().split(",")).contains(fixture.field());
                        if (code != FindingCode.F13) {
                            assertThat(f.cells()).isNotEmpty();
                        }
                    }
                });
    }

    /** The codes about files in a batch, raised by the pipeline that {@code check} runs. */
    @ParameterizedTest
    @EnumSource(value = FindingCode.class, names = {"F17", "F18", "C25"})
    void everyBatchCodeHasAFixtureThatTriggersIt(FindingCode code) throws Exception {
        Path dir = java.nio.file.Files.createDirectories(temp.resolve("batch-" + code));
        Fixtures fixtures = new Fixtures(dir);
        String input = switch (code) {
            case F17 -> fixtures.consistent("tab\tin-name.xlsx").toString();
            case F18 -> java.nio.file.Files.createSymbolicLink(dir.resolve("link.xlsx"), dir.resolve("gone.xlsx")).toString();
            default -> {
                fixtures.consistent("first.xlsx");
                fixtures.consistent("again.xlsx");
                yield dir.toString();
            }
        };
        java.util.List<org.evalbook.pipeline.CheckedReturn> results = Checks.batch(input);
        assertThat(results).allSatisfy(result -> assertThat(result.findings()).as(result.findings().toString())
                .anySatisfy(f -> {
                    assertThat(f.code()).isEqualTo(code);
                    assertThat(f.file()).isEqualTo(result.file());
                    assertThat(f.message()).isNotBlank();
                }));
    }

    /** M01: the receipt log says the adopted return came from another address than the roster's; its time is used. */
    @org.junit.jupiter.api.Test
    void aReturnMailedFromAnotherAddressThanTheRostersIsM01() throws Exception {
        Path dir = java.nio.file.Files.createDirectories(temp.resolve("batch-M01"));
        new Fixtures(dir).consistent("return.xlsx");
        org.evalbook.pipeline.CheckedReturn checked = Checks.batch(dir.toString()).get(0);
        java.nio.file.Files.writeString(dir.resolve(org.evalbook.intake.ReceiptLog.FILE_NAME), "\uFEFF"
                + String.join(",", org.evalbook.intake.ReceiptLog.HEADER) + "\r\n"
                + "2027-03-30T09:15:00+08:00,someone@qq.com,回收,<1@qq.com>,7,42,1,return.xlsx,return.xlsx," + checked.sha256() + "\r\n");
        org.evalbook.check.UnitIdentity unit = checked.unit().orElseThrow();
        org.evalbook.roster.RosterRow row = new org.evalbook.roster.RosterRow(2, unit.code(), unit.name(), "", "", "unit@example.cn", 2024,
                java.util.Optional.empty(), org.evalbook.framework.FieldValues.builder().build());

        org.evalbook.consolidate.UnitResult result = new org.evalbook.consolidate.Consolidator(java.util.List.of(row), java.util.Optional.empty(),
                java.time.ZoneId.of("Asia/Shanghai")).consolidate(java.util.List.of(checked), java.util.List.of()).units().get(0);

        assertThat(result.received()).contains(java.time.LocalDateTime.of(2027, 3, 30, 9, 15));
        assertThat(result.adopted().orElseThrow().findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.M01);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.file()).isEqualTo("return.xlsx");
            assertThat(f.message()).contains("someone@qq.com", "unit@example.cn");
        });
    }

    @org.junit.jupiter.api.Test
    void aSelfScoreOutsideZeroToTheWeightIsAnError() throws Exception {
        for (double self : new double[] {-1, 3.5}) {
            Path file = new Fixtures(temp).edited("self-" + self + ".xlsx", w -> w.cell("self_input_staff_control", 0).setCellValue(self));
            assertThat(Checks.of(file).findings()).anySatisfy(f -> {
                assertThat(f.code()).isEqualTo(FindingCode.C14);
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.message()).contains("不在 0 到分值 3.00 分之间");
            });
        }
    }

    /**
     * Formulas intact but saved without results — as openpyxl writes them (an empty result) and as POI writes a formula
     * it never calculated (no result at all) — are one C26 提示 listing the computed cells in reading order, never C18.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void formulasSavedWithoutResultsAreC26NotC18(boolean openpyxlStyle) throws Exception {
        Path file = new Fixtures(temp).workbook("uncached-" + openpyxlStyle + ".xlsx", w -> formulaCells(w).forEach(c -> {
            if (openpyxlStyle) {
                c.getCTCell().setV("");
            } else {
                c.getCTCell().unsetV();
            }
        }));
        CheckResult result = Checks.of(file);
        assertThat(result.findings()).extracting(Finding::code).as(Checks.describe(result)).containsExactly(FindingCode.C26);
        Finding finding = result.findings().get(0);
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.code().title()).isEqualTo("未重新计算");
        assertThat(finding.message()).contains("公式完好", "openpyxl", "无需处理").doesNotContain("改动了");
        assertThat(finding.cells()).hasSizeGreaterThan(20).isEqualTo(new ReadingOrder(Checks.FRAMEWORK).sorted(finding.cells()));
        assertThat(finding.message()).startsWith(finding.cells().get(0) + " 等 " + finding.cells().size() + " 个计算单元格");
        assertThat(Checks.of(file).findings()).isEqualTo(result.findings());
    }

    /** A number typed over a formula stays C18 even in a file saved without results. */
    @org.junit.jupiter.api.Test
    void aTypedOverFormulaInAnUncalculatedFileIsStillC18() throws Exception {
        Path file = new Fixtures(temp).workbook("typed-uncached.xlsx", w -> {
            formulaCells(w).forEach(c -> c.getCTCell().setV(""));
            var cell = new WorkbookFiller(w).cell("score_input_staff_control", 0);
            cell.removeFormula();
            cell.setCellValue(3);
        });
        assertThat(Checks.of(file).findings()).extracting(Finding::code).containsExactly(FindingCode.C18, FindingCode.C26);
    }

    @ParameterizedTest
    @EnumSource(value = FindingCode.class, names = {"C01", "C13", "C18", "C21"})
    void readPathFindingsNameTheSheetAndCell(FindingCode code) throws Exception {
        Path file = FIXTURES.get(code).maker().make(new Fixtures(temp));
        Finding finding = Checks.of(file).findings().stream().filter(f -> f.code() == code).findFirst().orElseThrow();
        assertThat(finding.sheet()).isNotEmpty();
        assertThat(finding.cells().get(0)).startsWith(finding.sheet() + "!");
        assertThat(finding.message()).startsWith(finding.cells().get(0));
        assertThat(finding.severity()).isIn(Severity.ERROR, Severity.WARNING);
    }
}
