package org.evalbook.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;

/**
 * The worker process that reads untrusted files: one path per line on stdin, one {@link RawReturn} as JSON per line
 * on stdout (after {@link #RESULT}). Started and, when a file runs away, killed by {@link IsolatedReader}.
 */
public final class ReaderWorker {
    static final String RESULT = "EVALBOOK-RESULT ";
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ReaderWorker() {
    }

    /** {@code args[0]}: the framework (a bundled id or a folder). */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        Framework framework = args.length > 0 && Path.of(args[0]).toFile().isDirectory()
                ? Frameworks.load(Path.of(args[0])) : Frameworks.bundled(args.length > 0 ? args[0] : Frameworks.DEFAULT_ID);
        WorkbookReader reader = new WorkbookReader(framework);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            Path file = Path.of(line);
            RawReturn result;
            try {
                result = reader.read(file);
            } catch (Throwable unexpected) {
                String name = file.getFileName().toString();
                result = RawReturn.unreadable(name, List.of(Finding.aboutFile(FindingCode.F14, name,
                        "读取时出错（" + unexpected.getClass().getSimpleName() + "）。请用 Excel 或 WPS 打开检查后另存为 .xlsx 再交回。")));
            }
            out.println(RESULT + JSON.writeValueAsString(result));
        }
    }
}
