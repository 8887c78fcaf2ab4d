package org.evalbook.check;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.evalbook.framework.Framework;
import org.evalbook.intake.FiguresFile;
import org.evalbook.intake.UnitFigures;

/**
 * A seed unit: its figures ({@code test-workbooks/seed-figures/<name>.yaml}, as the demo reads them) and the
 * hand-worked expectations ({@code src/test/resources/seeds/<name>-expected.yaml}).
 */
record SeedCase(UnitFigures figures, Map<String, Expected> expected) {

    record Expected(BigDecimal total, String grade, List<ExpectedIndicator> indicators) {
    }

    record ExpectedIndicator(String id, Outcome outcome, BigDecimal rate, BigDecimal score, String why) {
    }

    private record Expectations(Map<String, Expected> expected) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static SeedCase load(String name, Framework framework) {
        Path figures = Path.of("test-workbooks", "seed-figures", name + ".yaml");
        try (InputStream in = Files.newInputStream(figures);
             InputStream expected = SeedCase.class.getResourceAsStream("/seeds/" + name + "-expected.yaml")) {
            return new SeedCase(FiguresFile.read(figures.toString(), in, framework),
                    YAML.readValue(expected, Expectations.class).expected());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
