package org.evalbook.framework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The printed 评分标准 keeps closing punctuation to the character before it and opening punctuation to the one after
 * (U+FEFF: LibreOffice honours it in wrapped cells, not U+2060 — seen on rendered pages of the issued workbook).
 */
class RuleTextPrintTest {
    private static final char NO_BREAK = '\uFEFF';

    @Test
    void noClosingMarkCanOpenALineAndNoOpeningMarkCanEndOne() {
        String printed = RuleText.forPrint("①保存完整（0.5分）②使用合规（0.5分）；≥90%得4分。");
        assertThat(printed.replace(String.valueOf(NO_BREAK), "")).isEqualTo("①保存完整（0.5分）②使用合规（0.5分）；≥90%得4分。");
        for (int i = 0; i < printed.length(); i++) {
            char c = printed.charAt(i);
            if ("）；。%".indexOf(c) >= 0) {
                assertThat(printed.charAt(i - 1)).as("before " + c + " at " + i).isEqualTo(NO_BREAK);
            }
            if (c == '（') {
                assertThat(printed.charAt(i + 1)).as("after （ at " + i).isEqualTo(NO_BREAK);
            }
        }
    }

    @Test
    void printingTwiceChangesNothingMore() {
        String once = RuleText.forPrint("不足1个百分点按1个百分点计），扣完为止。");
        assertThat(RuleText.forPrint(once)).isEqualTo(once);
    }
}
