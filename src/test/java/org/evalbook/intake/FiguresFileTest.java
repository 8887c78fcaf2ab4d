package org.evalbook.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;
import org.junit.jupiter.api.Test;

class FiguresFileTest {
    private static final Framework FRAMEWORK = Frameworks.bundled(Frameworks.DEFAULT_ID);

    private static UnitFigures read(String yaml) throws IOException {
        return FiguresFile.read("t.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), FRAMEWORK);
    }

    @Test
    void readsNumbersExactlyAndKeepsBlanksAbsent() throws IOException {
        UnitFigures figures = read("""
                unit: 测试单位
                profile: default
                numbers: {inc_total: 399.77, staff_actual: 15}
                texts: {self_grade: 优}
                tables:
                  proj:
                    - {proj_name: 青春健康, proj_final: 15.44, proj_key: 是}
                """);
        assertThat(figures.values().number("inc_total")).contains(new BigDecimal("399.77"));
        assertThat(figures.values().number("inc_fiscal")).isEmpty();
        assertThat(figures.values().rows("proj").get(0).number("proj_final")).contains(new BigDecimal("15.44"));
        assertThat(figures.values().rows("proj").get(0).text("proj_key")).contains("是");
    }

    @Test
    void refusesIdsThatAreNotFieldsAndValuesOfTheWrongKind() {
        assertThatThrownBy(() -> read("""
                numbers: {inc_totl: 1}
                texts: {inc_total: 二}
                tables:
                  proj:
                    - {proj_final: 十五}
                """)).isInstanceOf(IllegalArgumentException.class).hasMessage(
                "t.yaml：inc_totl 不是数值字段；inc_total 不是文本字段；proj 第 1 行 proj_final 应为数值，而不是 十五。"
                        + "请改用 `evalbook fields` 列出的代码。");
    }
}
