package org.evalbook.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.evalbook.check.ReturnForm;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.check.ProjectOutcome;
import org.evalbook.finding.Figures;
import org.evalbook.finding.Finding;
import org.evalbook.finding.Severity;
import org.evalbook.intake.OwnJson;

/**
 * {@code evalbook check --json}: every file, and every finding as a self-contained object carrying its file. Figures
 * come twice: as text the way the terminal shows them ({@code "81.20"}, {@code "95.00%"}) and, under the same key with
 * {@code _value}, as the exact decimal number ({@code 81.2}, a rate as its fraction {@code 0.95}).
 */
public final class CheckReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckReportJson() {
    }

    public static void write(OutputStream out, List<CheckedReturn> results) throws IOException {
        write(out, results, file -> Optional.empty());
    }

    /**
     * As {@link #write(OutputStream, List)}, each file with the state the deadline job gave it (已采用, 被替代 …) under
     * {@code "state"}: whoever acts on the results (notify) must know which return of a unit counts.
     */
    public static void write(OutputStream out, List<CheckedReturn> results, Function<String, Optional<String>> stateOf) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put(OwnJson.FIELD, OwnJson.generatedBy("check"));
        ArrayNode files = root.putArray("files");
        ArrayNode all = root.putArray("findings");
        for (CheckedReturn result : results) {
            UnitSummary unit = UnitSummary.of(result);
            ObjectNode file = files.addObject();
            file.put("file", result.file());
            file.put("readable", result.readable());
            stateOf.apply(result.file()).ifPresent(state -> file.put("state", state));
            file.put("unit_code", unit.unitCode());
            file.put("unit_name", unit.unitName());
            file.put("fiscal_year", unit.year());
            file.put("profile", unit.profile());
            figure(file, "recomputed_total", unit.recomputedTotal().orElse(null), Figures::score);
            file.put("recomputed_grade", unit.recomputedGrade().orElse(null));
            figure(file, "self_total", unit.selfTotal().orElse(null), Figures::score);
            file.put("self_grade", unit.selfGrade().orElse(null));
            file.put("errors", result.count(Severity.ERROR));
            file.put("warnings", result.count(Severity.WARNING));
            file.put("infos", result.count(Severity.INFO));
            ArrayNode indicators = file.putArray("indicators");
            result.scores().ifPresent(sheet -> sheet.indicators().forEach(score -> {
                ObjectNode indicator = indicators.addObject();
                indicator.put("id", score.indicatorId());
                indicator.put("name", score.name());
                figure(indicator, "weight", score.weight(), Figures::score);
                figure(indicator, "rate", score.rate().orElse(null), Figures::percent);
                figure(indicator, "score", score.score().orElse(null), Figures::score);
                indicator.put("outcome", score.outcome().name().toLowerCase(java.util.Locale.ROOT));
                indicator.put("note", score.note());
            }));
            if (result.form() == ReturnForm.PROJECT) {
                projects(file, result);
            }
            ArrayNode findings = file.putArray("findings");
            for (Finding finding : result.findings()) {
                findings.add(node(finding));
                all.add(node(finding));
            }
        }
        JSON.writeValue(out, root);
    }

    /** A project return: {@code "form": "project"} and per project sheet its name, execution rate, total and grade. */
    private static void projects(ObjectNode file, CheckedReturn result) {
        file.put("form", "project");
        ArrayNode projects = file.putArray("projects");
        for (ProjectOutcome line : result.projects()) {
            ObjectNode project = projects.addObject();
            project.put("sheet", line.sheet());
            project.put("name", line.name());
            figure(project, "execution_rate", line.score().executionRate().orElse(null), Figures::percent);
            figure(project, "recomputed_total", line.score().total(), Figures::score);
            project.put("recomputed_grade", line.score().grade());
            figure(project, "self_total", line.selfTotal().orElse(null), Figures::score);
            project.put("self_grade", line.selfGrade().orElse(null));
        }
    }

    /**
     * A figure twice: {@code key} as a person reads it ("81.20", "95.00%"), {@code key_value} as the exact decimal (a
     * number; a rate as its fraction, 0.95); both null when there is none.
     */
    private static void figure(ObjectNode node, String key, BigDecimal value, Function<BigDecimal, String> shown) {
        node.put(key, value == null ? null : shown.apply(value));
        node.put(key + "_value", value);
    }

    private static ObjectNode node(Finding finding) {
        ObjectNode node = JSON.createObjectNode();
        node.put("code", finding.code().name());
        node.put("title", finding.code().title());
        node.put("severity", finding.severity().name().toLowerCase(java.util.Locale.ROOT));
        node.put("file", finding.file());
        node.put("sheet", finding.sheet());
        ArrayNode cells = node.putArray("cells");
        finding.cells().forEach(cells::add);
        node.put("field", finding.field());
        node.put("expected", finding.expected());
        node.put("expected_value", finding.expectedValue());
        node.put("actual", finding.actual());
        node.put("actual_value", finding.actualValue());
        node.put("message", finding.message());
        node.put("explained", finding.explained());
        return node;
    }
}
