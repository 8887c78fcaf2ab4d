package org.evalbook.consolidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.template.LibreOfficeRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LibreOffice as an independent oracle for the statistics: a workbook holds seeded-random columns and the hand-worked
 * ones, with COUNT, AVERAGE, MEDIAN, STDEV, QUARTILE(…,1), QUARTILE(…,3), MIN, MAX, the IQR fences and the number of
 * values beyond them per column, as a clerk would write them in Excel. Headless LibreOffice recalculates it; its values
 * must equal the Java ones within 1e-9 (relative), and where Java has no standard deviation (one value) LibreOffice
 * must show an error. Every formula cell carries a wrong cached value, so a value that was not recalculated fails.
 */
class StatisticsLibreOfficeTest {
    private static final long SEED = 20_260_331L;
    private static final int ROWS = 40;
    private static final double RELATIVE = 1e-9;
    private static final double PLANTED = -987_654.321;
    private static final String DATA = "数据";
    private static final String STATISTICS = "统计";
    /** Per column, in the order of {@link #expected}: {0} the range, {1} the row of this column's statistics. */
    private static final List<String> FORMULAS = List.of("COUNT({0})", "AVERAGE({0})", "MEDIAN({0})", "STDEV({0})", "QUARTILE({0},1)",
            "QUARTILE({0},3)", "MIN({0})", "MAX({0})", "F{1}-1.5*(G{1}-F{1})", "G{1}+1.5*(G{1}-F{1})",
            "SUMPRODUCT(ISNUMBER({0})*(({0}<J{1})+({0}>K{1})))");

    @TempDir
    Path temp;

    @Test
    void libreOfficeComputesWhatCommonsMathComputes() throws Exception {
        Optional<Path> soffice = LibreOfficeRunner.find();
        if (soffice.isEmpty()) {
            System.out.println("SKIPPED: LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui. "
                    + "The statistics oracle test did not run.");
        }
        assumeTrue(soffice.isPresent(), "LibreOffice is not installed");
        System.out.println("Statistics oracle seed: " + SEED);
        List<Column> columns = columns(new Random(SEED));
        Path in = Files.createDirectories(temp.resolve("in")).resolve("statistics.xlsx");
        Path out = Files.createDirectories(temp.resolve("out"));
        write(columns, in);
        LibreOfficeRunner.convert(soffice.get(), List.of(in), "xlsx", out);

        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        try (InputStream stream = Files.newInputStream(out.resolve(in.getFileName())); XSSFWorkbook workbook = new XSSFWorkbook(stream)) {
            Sheet sheet = workbook.getSheet(STATISTICS);
            for (int c = 0; c < columns.size(); c++) {
                List<OptionalDouble> expected = expected(columns.get(c));
                for (int f = 0; f < FORMULAS.size(); f++) {
                    Cell cell = sheet.getRow(c + 1).getCell(f + 1);
                    compare(mismatches, columns.get(c).label() + " =" + cell.getCellFormula(), expected.get(f), cell);
                    compared++;
                }
            }
        }
        System.out.println("LibreOffice = Commons Math: " + columns.size() + " columns, " + compared + " figures compared (seed " + SEED + ")");
        assertThat(mismatches).as("seed " + SEED).isEmpty();
    }

    /** A column as the sheet holds it, {@code null} for a blank cell. */
    private record Column(String label, List<BigDecimal> cells) {
        Column {
            assertThat(cells).hasSizeLessThanOrEqualTo(ROWS);
        }

        static Column of(String label, String... values) {
            return new Column(label, Arrays.stream(values).map(BigDecimal::new).toList());
        }

        static Column random(String label, double blankShare, Random random, Supplier<BigDecimal> value) {
            List<BigDecimal> cells = new ArrayList<>();
            for (int r = 0; r < ROWS; r++) {
                cells.add(random.nextDouble() < blankShare ? null : value.get());
            }
            return new Column(label, cells);
        }

        List<BigDecimal> values() {
            return cells.stream().filter(Objects::nonNull).toList();
        }

        List<UnitValue> units() {
            List<UnitValue> units = new ArrayList<>();
            for (int r = 0; r < cells.size(); r++) {
                if (cells.get(r) != null) {
                    units.add(new UnitValue("单位" + (r + 1), cells.get(r)));
                }
            }
            return units;
        }
    }

    /** The hand-worked columns of the other tests, and random ones shaped like scores, amounts and rates. */
    private static List<Column> columns(Random random) {
        List<Column> columns = new ArrayList<>(List.of(
                Column.of("1至10", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"),
                Column.of("并列", "85", "95", "85", "80", "90", "85"),
                Column.of("一个值", "72.5"),
                Column.of("两个值", "80", "60"),
                Column.of("两侧异常", "104", "300", "100", "12.5", "108", "102", "110", "106"),
                Column.of("满分居多", "100", "100", "95", "100", "100", "100")));
        columns.add(Column.random("指标得分（满分8）", 0.05, random,
                () -> random.nextDouble() < 0.4 ? new BigDecimal("8") : BigDecimal.valueOf(random.nextInt(801), 2)));
        columns.add(Column.random("总分", 0.1, random, () -> BigDecimal.valueOf(5000 + random.nextInt(5001), 2)));
        columns.add(Column.random("本年支出合计（万元）", 0.15, random,
                () -> BigDecimal.valueOf(Math.exp(5 + 1.2 * random.nextGaussian())).setScale(2, RoundingMode.HALF_UP)));
        columns.add(Column.random("大额（万元）", 0, random, () -> BigDecimal.valueOf(random.nextInt(1_000_000_000), 2)));
        columns.add(new Column("变动率", Column.random("", 0, random, () -> BigDecimal.valueOf(random.nextInt(20_001) - 10_000, 4))
                .cells().subList(0, 23)));
        columns.add(new Column("三个值", Column.random("", 0, random, () -> BigDecimal.valueOf(random.nextInt(100_000), 2)).cells().subList(0, 3)));
        return columns;
    }

    /** What Java computes, formula by formula; empty where the spreadsheet must show an error. */
    private static List<OptionalDouble> expected(Column column) {
        ColumnStatistics stats = ColumnStatistics.of(column.label(), column.values()).orElseThrow();
        Quartiles quartiles = Quartiles.of(column.values().stream().mapToDouble(BigDecimal::doubleValue).toArray());
        return List.of(OptionalDouble.of(stats.count()), OptionalDouble.of(stats.mean()), OptionalDouble.of(stats.median()),
                stats.standardDeviation(), OptionalDouble.of(stats.q1()), OptionalDouble.of(stats.q3()), OptionalDouble.of(stats.min()),
                OptionalDouble.of(stats.max()), OptionalDouble.of(quartiles.lowerFence()), OptionalDouble.of(quartiles.upperFence()),
                OptionalDouble.of(Outliers.find(column.units()).size()));
    }

    private static void write(List<Column> columns, Path file) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet data = workbook.createSheet(DATA);
            Sheet statistics = workbook.createSheet(STATISTICS);
            Row header = data.createRow(0);
            for (int r = 1; r <= ROWS; r++) {
                data.createRow(r);
            }
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                header.createCell(c).setCellValue(column.label());
                for (int r = 0; r < column.cells().size(); r++) {
                    if (column.cells().get(r) != null) {
                        data.getRow(r + 1).createCell(c).setCellValue(column.cells().get(r).doubleValue());
                    }
                }
                String letter = CellReference.convertNumToColString(c);
                String range = "'" + DATA + "'!$" + letter + "$2:$" + letter + "$" + (ROWS + 1);
                Row row = statistics.createRow(c + 1);
                row.createCell(0).setCellValue(column.label());
                for (int f = 0; f < FORMULAS.size(); f++) {
                    Cell cell = row.createCell(f + 1);
                    cell.setCellFormula(FORMULAS.get(f).replace("{0}", range).replace("{1}", String.valueOf(c + 2)));
                    cell.setCellValue(PLANTED);
                }
            }
            try (OutputStream stream = Files.newOutputStream(file)) {
                workbook.write(stream);
            }
        }
    }

    private static void compare(List<String> mismatches, String what, OptionalDouble expected, Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (expected.isEmpty()) {
            if (type != CellType.ERROR) {
                mismatches.add(what + ": Java has none, LibreOffice " + cell);
            }
        } else if (type != CellType.NUMERIC || !close(expected.getAsDouble(), cell.getNumericCellValue())) {
            mismatches.add(what + ": Java " + expected.getAsDouble() + " ≠ LibreOffice " + (type == CellType.NUMERIC ? cell.getNumericCellValue() : type));
        }
    }

    private static boolean close(double java, double libreOffice) {
        return java == libreOffice || Math.abs(java - libreOffice) <= RELATIVE * Math.max(Math.abs(java), Math.abs(libreOffice));
    }
}
