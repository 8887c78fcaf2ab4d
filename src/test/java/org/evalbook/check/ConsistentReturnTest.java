package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.evalbook.template.ConsistentReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The round trip issue → fill → read → check: a consistent return raises nothing and scores what was filled. */
class ConsistentReturnTest {
    @TempDir
    Path temp;

    @Test
    void aConsistentReturnRaisesNoFindingAtAll() throws Exception {
        Path file = ConsistentReturn.save(ConsistentReturn.workbook(), temp.resolve("consistent.xlsx"));
        CheckResult result = Checks.of(file);
        assertThat(result.findings()).as(Checks.describe(result)).isEmpty();
        assertThat(result.scores().orElseThrow().total()).isEqualTo(new BigDecimal("100.00"));
        assertThat(result.read().orElseThrow().values().number("inc_total")).contains(new BigDecimal("100"));
        assertThat(result.read().orElseThrow().values().rows("task")).hasSize(1);
    }
}
