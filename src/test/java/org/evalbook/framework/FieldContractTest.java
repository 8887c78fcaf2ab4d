package org.evalbook.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The field contract derived from the framework files agrees with fields.md, name for name. */
class FieldContractTest {
    private static final Framework FRAMEWORK = Frameworks.bundled(Frameworks.DEFAULT_ID);
    private static final List<DefinedName> CONTRACT = FieldContract.of(FRAMEWORK);
    private static final Path SHARED_SPEC = Path.of("..", "shared", "spec");

    @Test
    void everyNameOfFieldsMdIsInTheContractAndNoOther() {
        Set<String> documented = SpecDocument.fieldNames().keySet();
        Set<String> derived = CONTRACT.stream().map(DefinedName::id).collect(Collectors.toSet());
        assertThat(derived).as("names in the framework but not in fields.md")
                .containsExactlyInAnyOrderElementsOf(documented);
        assertThat(CONTRACT).extracting(DefinedName::id).doesNotHaveDuplicates();
    }

    @Test
    void labelsAreThoseOfFieldsMd() {
        for (Map.Entry<String, String> documented : SpecDocument.fieldNames().entrySet()) {
            String id = documented.getKey();
            if (id.matches("(self|level|reason|check|rate|score)_.*") && !id.equals("self_total") && !id.equals("self_grade")
                    && !id.equals("score_total")) {
                continue;
            }
            String label = FRAMEWORK.field(id).map(FieldDef::label).orElseThrow(() -> new AssertionError(id));
            String stem = label.contains("·") ? label.substring(label.indexOf('·') + 1) : label;
            assertThat(stem).as(id).isEqualTo(documented.getValue());
        }
    }

    @Test
    void requiredFieldsAreThoseOfFieldsMd() {
        Set<String> documented = SpecDocument.requiredFields().stream()
                .filter(id -> id.matches("[a-z_]+")).collect(Collectors.toSet());
        Set<String> required = CONTRACT.stream().filter(n -> n.requirement() == DefinedName.Requirement.REQUIRED)
                .map(DefinedName::id).collect(Collectors.toSet());
        assertThat(required).containsExactlyInAnyOrderElementsOf(documented);
        assertThat(FRAMEWORK.table("proj").orElseThrow().required()).isTrue();
        assertThat(FRAMEWORK.table("task").orElseThrow().required()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fields.md", "indicators.md"})
    void theRepositoryCopyOfTheSpecIsCurrent(String file) throws IOException {
        Path shared = SHARED_SPEC.resolve(file);
        if (!Files.exists(shared)) {
            System.out.println("SKIPPED: " + shared + " is absent (a clone without ../shared); the copy in src/test/resources/spec is used.");
        }
        assumeTrue(Files.exists(shared), "../shared/spec is absent");
        assertThat(SpecDocument.read(file)).as("src/test/resources/spec/" + file + " must be a copy of " + shared)
                .isEqualTo(Files.readString(shared, StandardCharsets.UTF_8));
    }

    @Test
    void tableColumnsAreColumnRanges() {
        assertThat(CONTRACT).filteredOn(DefinedName::column).extracting(DefinedName::id)
                .contains("func_code", "proj_name", "proj_final", "task_planned", "expl_ref", "expl_text")
                .allMatch(id -> FRAMEWORK.tableOf(id).isPresent());
    }
}
