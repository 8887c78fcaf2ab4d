package org.evalbook.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.Frameworks;
import org.evalbook.framework.ProjectFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a worker sends is what the parent gets: every committed workbook, both forms, read and sent through the codec,
 * comes back equal and in the same order; a damaged payload is an error, never a huge allocation.
 */
class ReturnCodecTest {
    private static final WorkbookReader READER = new WorkbookReader(Frameworks.bundled(Frameworks.DEFAULT_ID),
            (ProjectFramework) Frameworks.bundledAny(Frameworks.PROJECT_ID));

    static Stream<Path> committed() throws IOException {
        return Files.walk(Path.of("test-workbooks")).filter(p -> p.toString().endsWith(".xlsx")).sorted().toList().stream();
    }

    @ParameterizedTest
    @MethodSource("committed")
    void everyCommittedWorkbookComesBackAsRead(Path file) throws IOException {
        RawReturn read = READER.read(file);
        RawReturn sent = ReturnCodec.decode(ReturnCodec.encode(read, new ReturnCodec.Repeats()), new ReturnCodec.Repeats());
        assertThat(sent).isEqualTo(read);
        // equal maps may differ in order; findings list cells in the order read
        assertThat(sent.toString()).isEqualTo(read.toString());
    }

    @Test
    void findingsMetaCellsOfEveryTypeAndProjectSheetsComeBack() throws IOException {
        RawCell odd = new RawCell("表!A1", "SOMETHING NEW", "文本\n换行", "", "SUM(A1:A2)", true);
        RawCell number = new RawCell("基础数据表!B5", "NUMERIC", "399.68", "399.68", "", false);
        RawName named = new RawName("inc_fiscal", List.of(number, odd), List.of(new RawCell("表!A9", Cells.UNREADABLE, "", "", "", false)), "");
        Finding finding = new Finding(FindingCode.F12, Severity.INFO, "a.xlsx", "表", List.of("A9"), "inc_fiscal", "", "", "说明");
        RawReturn read = new RawReturn("甲.xlsx", "xlsx", List.of(finding), Map.of("unit_code", "0530101"), Map.of("inc_fiscal", named), true,
                Map.of("项目1", Map.of("pj_name", new RawName("pj_name", List.of(), List.of(), "引用无效"))));
        assertThat(ReturnCodec.decode(ReturnCodec.encode(read, new ReturnCodec.Repeats()), new ReturnCodec.Repeats())).isEqualTo(read);
        RawReturn unreadable = RawReturn.unreadable("乙.xls", List.of(finding));
        assertThat(ReturnCodec.decode(ReturnCodec.encode(unreadable, new ReturnCodec.Repeats()), new ReturnCodec.Repeats())).isEqualTo(unreadable);
    }

    /** A lone surrogate (a damaged workbook's text) and a null come back as they were; UTF-8 alone would lose them. */
    @Test
    void loneSurrogatesAndNullsComeBackExactly() throws IOException {
        RawCell odd = new RawCell("表!A1", null, "甲\uD800乙", "\uDC00", null, false);
        RawCell paired = new RawCell("表!A2", "STRING", "𠀀 (U+20000) \uD83D\uDE00", "", "", false);
        RawReturn read = new RawReturn("丙.xlsx", "xlsx", List.of(), Map.of(), Map.of("x", new RawName("x", List.of(odd, paired), List.of(), "")), false);
        RawReturn sent = ReturnCodec.decode(ReturnCodec.encode(read, new ReturnCodec.Repeats()), new ReturnCodec.Repeats());
        assertThat(sent).isEqualTo(read);
        assertThat(sent.names().get("x").cells().get(0).text()).isEqualTo("甲\uD800乙");
    }

    @Test
    void aValueARecordRefusesOrAFlagThatIsNotOneIsAnError() throws IOException {
        RawReturn read = new RawReturn("丁.xlsx", "xlsx", List.of(), Map.of(), Map.of(), true);
        byte[] whole = ReturnCodec.encode(read, new ReturnCodec.Repeats());
        byte[] badFlag = whole.clone();
        // the flag byLabels is the last but one count: names 0, flag, sheets 0
        ByteBuffer.wrap(badFlag).putInt(badFlag.length - 8, 7);
        assertThatThrownBy(() -> ReturnCodec.decode(badFlag, new ReturnCodec.Repeats())).isInstanceOf(IOException.class).hasMessageContaining("标志");
        byte[] nullFinding = ReturnCodec.encode(new RawReturn("戊.xlsx", "xlsx", List.of(), Map.of(), Map.of(), false), new ReturnCodec.Repeats());
        // the findings are "[]" after the two strings; make them "[null]" by splicing
        String text = new String(nullFinding, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\u0000\u0000\u0000\u0002[]", "\u0000\u0000\u0000\u0006[null]");
        assertThatThrownBy(() -> ReturnCodec.decode(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), new ReturnCodec.Repeats())).isInstanceOf(IOException.class);
    }

    @Test
    void aCutOrSwollenPayloadIsAnErrorNotAnAllocation() throws IOException {
        byte[] whole = ReturnCodec.encode(READER.read(Path.of("test-workbooks", "clean", "0530102_五华区计划生育协会_2023.xlsx")), new ReturnCodec.Repeats());
        for (int cut : new int[] {0, 3, whole.length / 2, whole.length - 1}) {
            assertThatThrownBy(() -> ReturnCodec.decode(Arrays.copyOf(whole, cut), new ReturnCodec.Repeats())).as("cut at " + cut).isInstanceOf(IOException.class);
        }
        byte[] swollen = whole.clone();
        // the first count after the strings numbered so far: the file name's length
        ByteBuffer.wrap(swollen).putInt(4, Integer.MAX_VALUE);
        assertThatThrownBy(() -> ReturnCodec.decode(swollen, new ReturnCodec.Repeats())).isInstanceOf(IOException.class).hasMessageContaining("超出");
        byte[] longer = Arrays.copyOf(whole, whole.length + 1);
        assertThatThrownBy(() -> ReturnCodec.decode(longer, new ReturnCodec.Repeats())).isInstanceOf(IOException.class).hasMessageContaining("多出");
    }

    /** A worker sends its returns through one session: what recurs goes by number, and every return still comes back as read. */
    @Test
    void oneWorkersReturnsComeBackAsReadAndWhatRecursGoesByNumber() throws IOException {
        ReturnCodec.Repeats sent = new ReturnCodec.Repeats();
        ReturnCodec.Repeats received = new ReturnCodec.Repeats();
        for (Path file : committed().toList()) {
            RawReturn read = READER.read(file);
            RawReturn back = ReturnCodec.decode(ReturnCodec.encode(read, sent), received);
            assertThat(back).as(file.toString()).isEqualTo(read);
            assertThat(back.toString()).isEqualTo(read.toString());
        }
        RawReturn sample = READER.read(Path.of("test-workbooks", "clean", "0530102_五华区计划生育协会_2023.xlsx"));
        int alone = ReturnCodec.encode(sample, new ReturnCodec.Repeats()).length;
        byte[] again = ReturnCodec.encode(sample, sent);
        assertThat(again.length).isLessThan(alone * 2 / 3);
        assertThat(ReturnCodec.decode(again, received)).isEqualTo(sample);
    }

    @Test
    void aNumberNeverSentIsAnError() throws IOException {
        RawReturn sample = READER.read(Path.of("test-workbooks", "clean", "0530102_五华区计划生育协会_2023.xlsx"));
        ReturnCodec.Repeats sent = new ReturnCodec.Repeats();
        ReturnCodec.encode(sample, sent);
        byte[] second = ReturnCodec.encode(sample, sent);
        assertThatThrownBy(() -> ReturnCodec.decode(second, new ReturnCodec.Repeats())).isInstanceOf(IOException.class).hasMessageContaining("不同步");
        // numbers in range that the receiving end never got (its header forged to agree)
        ByteBuffer.wrap(second).putInt(0, 0);
        assertThatThrownBy(() -> ReturnCodec.decode(second, new ReturnCodec.Repeats())).isInstanceOf(IOException.class).hasMessageContaining("未曾收到");
    }

    /** A parent that missed one of its worker's returns is out of step, and says so instead of reading wrong strings. */
    @Test
    void aReturnMissedInBetweenIsAnErrorNotWrongStrings() throws IOException {
        RawReturn first = READER.read(Path.of("test-workbooks", "clean", "0530102_五华区计划生育协会_2023.xlsx"));
        RawReturn other = READER.read(Path.of("test-workbooks", "returned", "0430405_珠晖区计划生育协会_2022.xlsx"));
        ReturnCodec.Repeats sent = new ReturnCodec.Repeats();
        ReturnCodec.Repeats received = new ReturnCodec.Repeats();
        assertThat(ReturnCodec.decode(ReturnCodec.encode(first, sent), received)).isEqualTo(first);
        ReturnCodec.encode(other, sent);
        byte[] third = ReturnCodec.encode(first, sent);
        assertThatThrownBy(() -> ReturnCodec.decode(third, received)).isInstanceOf(IOException.class).hasMessageContaining("不同步");
    }

    /**
     * At and past the bounds (a string's length, the total length, the count) both ends number alike, a lone surrogate
     * included: each return says how many strings its sender has numbered, so any difference would fail the next round.
     */
    @Test
    void theBoundsKeepBothEndsInStep() throws IOException {
        List<RawCell> cells = new java.util.ArrayList<>();
        cells.add(new RawCell("表!\uD800", "STRING", "", "", "", false));
        // the longest admitted and one past it, then enough long ones to pass the bound on their total length
        cells.add(new RawCell("表!Z1", "NUMERIC", "1", "1", "x".repeat(ReturnCodec.Repeats.LONGEST), false));
        cells.add(new RawCell("表!Z2", "NUMERIC", "1", "1", "y".repeat(ReturnCodec.Repeats.LONGEST + 1), false));
        for (int i = 0; i < ReturnCodec.Repeats.MOST_CHARS / 2_000 + 10; i++) {
            cells.add(new RawCell("表!Y" + i, "NUMERIC", "1", "1", String.format("%02000d", i), false));
        }
        String longFormula = "SUM(" + "A1+".repeat(ReturnCodec.Repeats.LONGEST) + "A1)";
        for (int i = 0; i < ReturnCodec.Repeats.MOST_STRINGS + 500; i++) {
            cells.add(new RawCell("表!A" + i, "NUMERIC", "1", "1", i % 100 == 0 ? longFormula : "", false));
        }
        RawReturn read = new RawReturn("己.xlsx", "xlsx", List.of(), Map.of(), Map.of("x", new RawName("x", cells, List.of(), "")), false);
        ReturnCodec.Repeats sent = new ReturnCodec.Repeats();
        ReturnCodec.Repeats received = new ReturnCodec.Repeats();
        for (int round = 0; round < 3; round++) {
            assertThat(ReturnCodec.decode(ReturnCodec.encode(read, sent), received)).isEqualTo(read);
        }
    }
}
