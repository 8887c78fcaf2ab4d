package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.bench.BenchInbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's generated folder (N = 20, seed 7) read by {@code consolidate} exactly as its manifest says: every
 * file's state, the planted error found on each erroneous return, no error on the others, the late units late — so
 * the benchmark cannot quietly measure something other than signed, checkable returns.
 */
class BenchInboxTest {
    private static final int N = 20;
    private static final long SEED = 7;

    @TempDir
    Path temp;

    @Test
    void theGeneratedFolderConsolidatesAsItsManifestSays() throws Exception {
        BenchInbox.Layout layout = BenchInbox.generate(N, SEED, temp.resolve("cache"));
        List<BenchInbox.Expected> manifest = BenchInbox.manifest(layout);
        try (Stream<Path> files = Files.walk(layout.inbox())) {
            assertThat(files.filter(Files::isRegularFile).count()).as("seed %d", SEED).isEqualTo(manifest.size());
        }
        Path out = temp.resolve("汇总.xlsx");
        Path json = temp.resolve("汇总.json");
        CliRun run = CliRun.of("consolidate", "--demo-key", "--roster", layout.roster().toString(), "--in", layout.inbox().toString(),
                "--out", out.toString(), "--json", json.toString(), "--deadline", BenchInbox.DEADLINE.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // By hand from the plan for N = 20: 5 planted (a quarter, rounded up), 1 sends nothing, 2 late, 1 resubmitted,
        // 1 sent twice; then 1 unit not in the roster, 1 truncated zip and 1 PDF, 1 text file named .xlsx and 1 lock file.
        assertThat(run.out()).contains("收到文件 26 个 = 已采用 19 + 被替代 2 + 未匹配 1 + 已拒收 2 + 已忽略 2",
                "名册单位 20 家：按时报送 17，逾期报送 2，未报送 1。");
        Map<String, String> expectedStates = new TreeMap<>();
        manifest.forEach(e -> expectedStates.put(e.path(), e.state()));
        assertThat(fileStates(out)).isEqualTo(expectedStates);

        Map<String, List<String>> errors = errorCodes(json);
        List<String> planted = new ArrayList<>();
        for (BenchInbox.Expected file : manifest) {
            if (!file.state().equals("已采用")) {
                continue;
            }
            if (file.plantedCode().equals("-")) {
                assertThat(errors.get(file.path())).as("a consistent return has no error: %s", file.path()).isEmpty();
            } else {
                assertThat(errors.get(file.path())).as("the planted error is found: %s", file.path()).contains(file.plantedCode());
                planted.add(file.plantedCode());
            }
        }
        assertThat(planted).hasSizeGreaterThanOrEqualTo(N / 5).containsExactlyInAnyOrder("C01", "C11", "C14", "C17", "C18");
        assertThat(manifest.stream().filter(BenchInbox.Expected::late).count()).isEqualTo(2);
    }

    @Test
    void aSecondCallReusesTheFolderAndTheSameSeedGivesTheSameBytes() throws Exception {
        BenchInbox.Layout first = BenchInbox.generate(4, SEED, temp.resolve("a"));
        long modified = Files.getLastModifiedTime(first.root()).toMillis();
        assertThat(BenchInbox.generate(4, SEED, temp.resolve("a")).root()).isEqualTo(first.root());
        assertThat(Files.getLastModifiedTime(first.root()).toMillis()).isEqualTo(modified);
        BenchInbox.Layout again = BenchInbox.generate(4, SEED, temp.resolve("b"));
        for (BenchInbox.Expected file : BenchInbox.manifest(first)) {
            assertThat(sha256(again.inbox().resolve(file.path()))).as(file.path()).isEqualTo(sha256(first.inbox().resolve(file.path())));
        }
        assertThat(Files.readString(again.roster())).isEqualTo(Files.readString(first.roster()));
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** 报送情况's list of received files: 文件 → 处理结果. */
    private static Map<String, String> fileStates(Path workbook) throws Exception {
        Map<String, String> states = new TreeMap<>();
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook read = new XSSFWorkbook(workbook.toFile())) {
            boolean files = false;
            for (Row row : read.getSheet("报送情况")) {
                String first = text.formatCellValue(row.getCell(0));
                if (files && !first.isEmpty()) {
                    states.put(first, text.formatCellValue(row.getCell(1)));
                }
                files |= first.equals("文件") && text.formatCellValue(row.getCell(1)).equals("处理结果");
            }
        }
        return states;
    }

    /** The codes of each file's error findings. */
    private static Map<String, List<String>> errorCodes(Path json) throws Exception {
        Map<String, List<String>> codes = new HashMap<>();
        for (JsonNode file : new ObjectMapper().readTree(json.toFile()).get("files")) {
            List<String> errors = new ArrayList<>();
            file.get("findings").forEach(f -> {
                if (f.get("severity").asText().equals("error")) {
                    errors.add(f.get("code").asText());
                }
            });
            codes.put(file.get("file").asText(), errors);
        }
        return codes;
    }
}
