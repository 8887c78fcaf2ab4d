package org.evalbook.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.evalbook.report.CheckReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A later run over a folder skips the JSON evalbook wrote there, however it is spaced, and reads any other JSON. */
class OwnJsonTest {
    private static final String OWN = "evalbook 自己生成的文件（审核意见副本或检查结果 JSON），不是交回的填报表";

    @TempDir
    Path temp;

    @Test
    void theJsonTheReportWriterWritesIsSkipped() throws Exception {
        try (OutputStream out = Files.newOutputStream(temp.resolve("结果.json"))) {
            CheckReportJson.write(out, List.of());
        }
        ReceivedFiles.Scan scan = ReceivedFiles.scan(List.of(temp.toString()), List.of());
        assertThat(scan.found()).isEmpty();
        assertThat(scan.skipped()).containsExactly(new ReceivedFiles.Skipped("结果.json", OWN));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"generated_by\":\"evalbook check\",\"files\":[],\"findings\":[]}",
            "\uFEFF{\r\n\t\"generated_by\"\t:\t\"evalbook check\",\r\n\t\"files\" : [ ]\r\n}",
            "  {\n  \"generated_by\" :\n    \"evalbook\"\n}\n"})
    void compactOrOtherwiseSpacedJsonOfOursIsSkipped(String json) throws Exception {
        Files.writeString(temp.resolve("结果.json"), json, StandardCharsets.UTF_8);
        ReceivedFiles.Scan scan = ReceivedFiles.scan(List.of(temp.toString()), List.of());
        assertThat(scan.found()).isEmpty();
        assertThat(scan.skipped()).containsExactly(new ReceivedFiles.Skipped("结果.json", OWN));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"generated_by\":\"evalbooks\"}",
            "{\"unit\":\"某单位\",\"generated_by\":\"evalbook check\"}",
            "[\"generated_by\",\"evalbook check\"]",
            "{\"generated\":\"evalbook check\"}"})
    void aJsonThatIsNotOursIsRead(String json) throws Exception {
        Files.writeString(temp.resolve("单位的.json"), json, StandardCharsets.UTF_8);
        ReceivedFiles.Scan scan = ReceivedFiles.scan(List.of(temp.toString()), List.of());
        assertThat(scan.skipped()).isEmpty();
        assertThat(scan.found()).extracting(found -> found.file().name()).containsExactly("单位的.json");
    }
}
