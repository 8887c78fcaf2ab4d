package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * File names that used to break {@code check}: a newline, a carriage return, bytes that are not UTF-8, terminal escape
 * codes, Chinese — in a folder and as arguments, under a UTF-8 locale, under {@code LANG=C} and with a GBK default
 * encoding (a Chinese Windows). Each file is reported once, under its own escaped name, and nothing is read in its
 * place (a decoy return of another unit sits in the working directory, where a split name would be looked up).
 */
class HostileNamesTest {
    private static final Path ZHUHUI = Path.of("test-workbooks", "returned", "0430405_珠晖区计划生育协会_2022.xlsx").toAbsolutePath();
    private static final Path KUNMING = Path.of("test-workbooks", "returned", "0530101_昆明市计划生育协会_2017.xlsx").toAbsolutePath();

    @TempDir
    Path temp;
    Path in;

    @BeforeEach
    void returnsWithHostileNames() throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "POSIX file names");
        in = Files.createDirectories(temp.resolve("in"));
        Files.copy(KUNMING, temp.resolve("c_decoy.xlsx"));
        Files.copy(ZHUHUI, in.resolve("a\nc_decoy.xlsx"));
        Files.copy(ZHUHUI, in.resolve("b\rc_decoy.xlsx"));
        Files.copy(ZHUHUI, in.resolve("\u001b[2J\u001b[31mred.xlsx"));
        Files.copy(ZHUHUI, in.resolve("珠晖区.xlsx"));
        // A name that is not valid UTF-8 cannot be made from a Java string: the shell makes it from bytes.
        shell("cp '" + ZHUHUI + "' \"$(printf '" + in + "/bad\\377name.xlsx')\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf-8", "lang-c", "gbk"})
    void everyFileInAFolderIsReportedOnceUnderItsEscapedName(String locale) throws Exception {
        Run run = check(locale, List.of("check", "--demo-key", in.toString()));
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.headers()).hasSize(5).doesNotHaveDuplicates();
        assertThat(run.out()).contains("共检查 5 个文件").doesNotContain("昆明", "\u001b", "F14", "F18");
        assertThat(run.headers()).contains("a\\nc_decoy.xlsx", "b\\rc_decoy.xlsx", "\\x1B[2J\\x1B[31mred.xlsx");
        if (!locale.equals("lang-c")) {
            assertThat(run.headers()).contains("珠晖区.xlsx", "bad\uFFFDname.xlsx");
        }
        assertThat(count(run.out(), "单位：珠晖区计划生育协会（0430405）")).isEqualTo(5);
        assertThat(count(run.out(), "[F17 文件名含控制字符]")).isGreaterThanOrEqualTo(locale.equals("lang-c") ? 3 : 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf-8", "gbk"})
    void everyFileGivenAsAnArgumentIsReportedOnceUnderItsEscapedName(String locale) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", "--demo-key"));
        for (String name : new String[] {"a\nc_decoy.xlsx", "b\rc_decoy.xlsx", "\u001b[2J\u001b[31mred.xlsx", "珠晖区.xlsx"}) {
            args.add("in/" + name);
        }
        Run run = check(locale, args);
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.headers()).containsExactly("in/a\\nc_decoy.xlsx", "in/b\\rc_decoy.xlsx", "in/\\x1B[2J\\x1B[31mred.xlsx", "in/珠晖区.xlsx");
        assertThat(run.out()).contains("共检查 4 个文件").doesNotContain("昆明", "\u001b", "F14");
        assertThat(count(run.out(), "单位：珠晖区计划生育协会（0430405）")).isEqualTo(4);
    }

    @Test
    void underLangCTheLauncherSwitchesToUtf8SoChineseNamesCanBeNamed() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path launcher = temp.resolve("evalbook");
        Files.copy(Path.of("evalbook"), launcher);
        script(bin.resolve("mvn"), "exit 0");
        script(bin.resolve("java"), "echo \"charmap=$(locale charmap) last=${@: -1}\"");
        launcher.toFile().setExecutable(true);
        ProcessBuilder builder = new ProcessBuilder("bash", launcher.toString(), "check", "珠晖区.xlsx").directory(temp.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", bin + ":/usr/bin:/bin", "LANG", "C", "LC_ALL", "C", "HOME", temp.toString()));
        Process launched = builder.start();
        String out = new String(launched.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(launched.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("charmap=UTF-8 last=珠晖区.xlsx");
    }

    @Test
    void specialFilesAndDanglingLinksAreFindingsAndTheRunGoesOn() throws Exception {
        Path odd = Files.createDirectories(temp.resolve("odd"));
        Files.copy(ZHUHUI, odd.resolve("good.xlsx"));
        shell("mkfifo '" + odd.resolve("pipe.xlsx") + "' '" + temp.resolve("arg-pipe.xlsx") + "'");
        Files.createSymbolicLink(odd.resolve("dangling.xlsx"), temp.resolve("nowhere.xlsx"));
        Files.createSymbolicLink(odd.resolve("device.xlsx"), Path.of("/dev/null"));
        CliRun run = CliRun.of("check", "--demo-key", odd.toString(), temp.resolve("arg-pipe.xlsx").toString(), temp.resolve("missing.xlsx").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("共检查 6 个文件", "单位：珠晖区计划生育协会");
        assertThat(count(run.out(), "[F18 文件无法打开] 这不是普通文件")).isEqualTo(3);
        assertThat(count(run.out(), "[F18 文件无法打开] 这是一个快捷方式（符号链接），但它指向的文件不存在")).isEqualTo(1);
        assertThat(count(run.out(), "[F18 文件无法打开] 找不到文件")).isEqualTo(1);
    }

    private record Run(int exit, String out, String err) {
        List<String> headers() {
            List<String> headers = new ArrayList<>();
            Matcher header = Pattern.compile("(?m)^━━ (.*) ━━$").matcher(out);
            while (header.find()) {
                headers.add(header.group(1));
            }
            return headers;
        }
    }

    /** Runs evalbook in a fresh JVM, in {@code temp}, under the given locale. */
    private Run check(String locale, List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        if (locale.equals("gbk")) {
            command.addAll(List.of("-Dfile.encoding=GBK", "-Dsun.stdout.encoding=GBK", "-Dsun.stderr.encoding=GBK"));
        }
        command.add(Main.class.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
        builder.environment().put("LC_ALL", locale.equals("lang-c") ? "C" : "C.UTF-8");
        builder.environment().put("LANG", locale.equals("lang-c") ? "C" : "C.UTF-8");
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        // evalbook writes UTF-8 whatever the locale (evalbook.cmd switches the Windows console to UTF-8).
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static void shell(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", command).inheritIO().start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(command).isZero();
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/bash\n" + body + "\n");
        file.toFile().setExecutable(true);
    }
}
