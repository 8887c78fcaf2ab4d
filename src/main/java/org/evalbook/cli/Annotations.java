package org.evalbook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.evalbook.check.CheckResult;
import org.evalbook.report.AnnotatedCopy;

/** {@code check --annotate}: an annotated copy of every return that could be read. */
final class Annotations {
    private Annotations() {
    }

    static void write(List<Path> files, List<CheckResult> results, Path dir, PrintWriter out, PrintWriter err) {
        for (int i = 0; i < files.size(); i++) {
            CheckResult result = results.get(i);
            if (result.read().isEmpty()) {
                continue;
            }
            try {
                out.println("审核意见副本：" + AnnotatedCopy.write(files.get(i), result, dir));
            } catch (IOException | RuntimeException failed) {
                err.println(files.get(i).getFileName() + "：未能生成审核意见副本（" + failed.getMessage() + "）。");
            }
        }
    }
}
