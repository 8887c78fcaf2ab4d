package org.evalbook.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.finding.Finding;
import org.evalbook.finding.Severity;
import org.evalbook.intake.OwnJson;

/** {@code evalbook check --json}: every file, and every finding as a self-contained object carrying its file. */
public final class CheckReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckReportJson() {
    }

    public static void write(OutputStream out, List<CheckedReturn> results) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put(OwnJson.FIELD, OwnJson.generatedBy("check"));
        ArrayNode files = root.putArray("files");
        ArrayNode all = root.putArray("findings");
        for (CheckedReturn result : results) {
            UnitSummary unit = UnitSummary.of(result);
            ObjectNode file = files.addObject();
            file.put("file", result.file());
            file.put("readable", result.readable());
            file.put("unit_code", unit.unitCode());
            file.put("unit_name", unit.unitName());
            file.put("fiscal_year", unit.year());
            file.put("profile", unit.profile());
            file.put("recomputed_total", unit.recomputedTotal().map(BigDecimal::toPlainString).orElse(null));
            file.put("recomputed_grade", unit.recomputedGrade().orElse(null));
            file.put("self_total", unit.selfTotal().map(BigDecimal::toPlainString).orElse(null));
            file.put("self_grade", unit.selfGrade().orElse(null));
            file.put("errors", result.count(Severity.ERROR));
            file.put("warnings", result.count(Severity.WARNING));
            file.put("infos", result.count(Severity.INFO));
            ArrayNode indicators = file.putArray("indicators");
            result.scores().ifPresent(sheet -> sheet.indicators().forEach(score -> {
                ObjectNode indicator = indicators.addObject();
                indicator.put("id", score.indicatorId());
                indicator.put("name", score.name());
                indicator.put("weight", score.weight().toPlainString());
                indicator.put("rate", score.rate().map(BigDecimal::toPlainString).orElse(null));
                indicator.put("score", score.score().map(BigDecimal::toPlainString).orElse(null));
                indicator.put("outcome", score.outcome().name().toLowerCase(java.util.Locale.ROOT));
                indicator.put("note", score.note());
            }));
            ArrayNode findings = file.putArray("findings");
            for (Finding finding : result.findings()) {
                findings.add(node(finding));
                all.add(node(finding));
            }
        }
        JSON.writeValue(out, root);
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
        node.put("actual", finding.actual());
        node.put("message", finding.message());
        node.put("explained", finding.explained());
        return node;
    }
}
