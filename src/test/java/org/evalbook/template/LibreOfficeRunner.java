package org.evalbook.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless LibreOffice as an independent spreadsheet engine. Each run gets its own fresh profile whose
 * {@code OOXMLRecalcMode} is 0 ("always recalculate"): by default LibreOffice keeps an xlsx's cached values and would
 * prove nothing.
 */
public final class LibreOfficeRunner {
    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/soffice"), Path.of("/usr/lib/libreoffice/program/soffice"),
            Path.of("/opt/libreoffice/program/soffice"), Path.of("C:\\Program Files\\LibreOffice\\program\\soffice.exe"));
    private static final String RECALCULATE_ON_LOAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            </oor:items>
            """;

    private LibreOfficeRunner() {
    }

    public static Optional<Path> find() {
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst();
    }

    /** Opens each file, recalculates everything, and saves it in {@code format} (xlsx, xls, pdf) into {@code outDir}. */
    public static void convert(Path soffice, List<Path> files, String format, Path outDir) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("evalbook-lo-profile-");
        Files.createDirectories(profile.resolve("user"));
        Files.writeString(profile.resolve("user").resolve("registrymodifications.xcu"), RECALCULATE_ON_LOAD, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(soffice.toString(), "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--norestore", "--convert-to", format, "--outdir", outDir.toString()));
        files.forEach(f -> command.add(f.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outDir.resolve("soffice.log").toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("LibreOffice did not finish within 300 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("LibreOffice exited with " + process.exitValue() + ": " + Files.readString(outDir.resolve("soffice.log")));
        }
    }
}
