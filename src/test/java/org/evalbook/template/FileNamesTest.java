package org.evalbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void issuedNamesAreSafeOnEverySystem() {
        assertThat(FileNames.issued("0430405", "珠晖区计划生育协会", 2022)).isEqualTo("0430405_珠晖区计划生育协会_2022.xlsx");
        assertThat(FileNames.issued("04/30", "A:B*C?\"<>|", 2022)).isEqualTo("04_30_A_B_C______2022.xlsx");
        assertThat(FileNames.safe("CON")).isEqualTo("_CON");
        assertThat(FileNames.safe("名称. ")).isEqualTo("名称");
        assertThat(FileNames.safe("x".repeat(300))).hasSize(120);
    }
}
