package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The framework files as written, before validation. Keys are snake_case in the files. Every component
 * may be null (absent from the file); the builders turn absences into messages.
 */
final class RawFiles {
    private RawFiles() {
    }

    /** {@code form}: {@code project} for the project form; absent for the 部门整体支出 workbook. */
    record Framework(String id, String name, String version, String basis, List<Grade> grades,
                     LinkedHashMap<String, String> periods, List<String> profiles, List<Sheet> sheets,
                     String form) {
    }

    record Sheet(String sheet, String kind, String table, List<String> tables, List<String> wideColumns, String note) {
    }

    record Grade(String grade, BigDecimal atLeast) {
    }

    record Fields(List<Group> groups, List<Table> tables, List<Field> selfAssessment, List<Field> computed,
                  List<Field> report) {
    }

    record Group(String group, List<Field> fields) {
    }

    /** {@code required} is {@code true}/{@code false} or a list of periods. */
    record Field(String id, String label, String type, String unit, Object required, Boolean prefilled,
                 String blankInSums, BigDecimal min, BigDecimal max, List<String> options, String pattern,
                 List<String> periods) {
    }

    record Table(String id, String label, Integer minRows, Boolean required, List<Field> columns) {
    }

    record Indicators(List<Level> judgementLevels, List<Indicator> indicators) {
    }

    record Level(String level, BigDecimal from, BigDecimal to, Boolean toInclusive) {
    }

    record Indicator(String id, String level1, String level2, String name, String kind, List<String> items,
                     Formula formula, LinkedHashMap<String, Formula> variants) {
    }

    record Formula(String label, String name, String numerator, String denominator,                    String meanOver, BigDecimal cap, String rowsWhere) {
    }

    record Checks(List<Sum> sums, Parameters parameters, Staffing staffing, ExecutionRate executionRate,
                  UnitScale unitScale, FunctionCodes functionCodes, Explanations explanations, Narrative narrative) {
    }

    record Staffing(String actual, String authorized) {
    }

    record ExecutionRate(String from, String to, List<String> lines, String actual, List<String> against) {
    }

    record UnitScale(BigDecimal factor, List<String> comparePeriods, String whole, List<String> parts,
                     List<String> columns) {
    }

    record FunctionCodes(String table, String code, String name, List<Code> codes) {
    }

    record Explanations(String table, String refersTo, String text) {
    }

    record Narrative(List<String> wholeUnitWords, LinkedHashMap<String, String> periodWords, List<Synonym> synonyms) {
    }

    record Synonym(String phrase, String field, String period) {
    }

    record Code(String code, String name, @com.fasterxml.jackson.annotation.JsonProperty("class") String className,
                java.util.Map<Integer, String> nameUntil, java.util.Map<Integer, String> classUntil) {
    }

    record Sum(String code, String total, String equals, List<String> periods) {
    }

    record Parameters(BigDecimal roundingPerTwoParts, Range rateRange, BigDecimal scoreTolerance) {
    }

    record Range(String from, String to) {
    }

    record Profile(String id, String name, String description, Edges edgeCases, List<Entry> indicators) {
    }

    record Edges(String zeroOverZero, String xOverZero, String missing) {
    }

    record Entry(String indicator, String level2, BigDecimal weight, String formula, Rule rule,
                 String zeroOverZero, String xOverZero, String missing) {
    }

    record Rule(String kind, String good, String threshold, BigDecimal penalty, BigDecimal per, List<Band> bands,
                BigDecimal otherwise, String direction, String target, List<BigDecimal> points) {
    }

    record Band(String atLeast, String atMost, BigDecimal points) {
    }
}
