package org.evalbook.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.framework.AnyFramework;
import org.evalbook.framework.Framework;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.framework.Frameworks;

/**
 * The worker process that reads untrusted files (see {@link IsolatedReader}, which starts it and kills it when a file
 * runs away). It speaks {@link WorkerProtocol} on stdin/stdout; it never sees a received file's name or path: the
 * parent sends the bytes, the worker keeps them in a temporary file of its own until the next file, so that an
 * annotated copy is made from exactly what was read.
 */
public final class ReaderWorker {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ReaderWorker() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        // Whatever a library prints must not corrupt the frames on stdout.
        System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        WorkerProtocol.Frame start = WorkerProtocol.read(in);
        if (start == null || start.kind() != WorkerProtocol.START) {
            return;
        }
        String[] setup = JSON.readValue(start.payload(), String[].class);
        Framework framework = Path.of(setup[0]).toFile().isDirectory() ? Frameworks.load(Path.of(setup[0])) : Frameworks.bundled(setup[0]);
        Path folder = Path.of(setup[1]);
        new Session(new WorkbookReader(framework, project(setup[2])), folder, out).serve(in);
    }

    /** The project framework named: a folder, or a bundled id. */
    private static ProjectFramework project(String named) {
        AnyFramework project = Path.of(named).toFile().isDirectory() ? Frameworks.loadAny(Path.of(named)) : Frameworks.bundledAny(named);
        if (project instanceof ProjectFramework form) {
            return form;
        }
        throw new IllegalArgumentException(named + " is not a project framework");
    }

    /** One worker's loop: read, and copy what was just read. */
    private static final class Session {
        private final WorkbookReader reader;
        private final Path folder;
        private final DataOutputStream out;
        /** Lives as long as this worker: a failure while encoding ends the worker, so its parent never falls out of step. */
        private final ReturnCodec.Repeats sent = new ReturnCodec.Repeats();
        private Path current;
        private int count;

        Session(WorkbookReader reader, Path folder, DataOutputStream out) {
            this.reader = reader;
            this.folder = folder;
            this.out = out;
        }

        void serve(DataInputStream in) throws IOException {
            WorkerProtocol.write(out, WorkerProtocol.READY, new byte[0]);
            try {
                for (WorkerProtocol.Frame frame = WorkerProtocol.read(in); frame != null; frame = WorkerProtocol.read(in)) {
                    if (frame.kind() == WorkerProtocol.READ) {
                        WorkerProtocol.write(out, WorkerProtocol.RESULT, ReturnCodec.encode(read(frame.payload()), sent));
                    } else if (frame.kind() == WorkerProtocol.COPY) {
                        copy(frame.payload());
                    }
                }
            } finally {
                forget();
            }
        }

        private RawReturn read(byte[] request) throws IOException {
            forget();
            int extLength = request[0];
            String ext = new String(request, 1, extLength, StandardCharsets.US_ASCII);
            current = folder.resolve("return-" + ProcessHandle.current().pid() + "-" + ++count + (ext.isEmpty() ? "" : "." + ext));
            Files.write(current, java.util.Arrays.copyOfRange(request, 1 + extLength, request.length));
            try {
                return reader.read(current, "");
            } catch (Throwable unexpected) {
                return RawReturn.unreadable("", List.of(Finding.aboutFile(FindingCode.F14, "",
                        "读取时出错，其他文件不受影响。请用 Excel 或 WPS 打开检查后另存为 .xlsx 再交回；如仍出错，请把此文件报告给开发者。")));
            }
        }

        private void copy(byte[] request) throws IOException {
            byte[] copy;
            try {
                if (current == null) {
                    throw new IOException("nothing read");
                }
                copy = AnnotatedWorkbook.copy(current, JSON.readValue(request, Annotation.class));
            } catch (Throwable failed) {
                WorkerProtocol.write(out, WorkerProtocol.FAILED, failed instanceof StackOverflowError || failed instanceof OutOfMemoryError
                        ? "生成副本时超出资源限制" : "生成副本时出错，此文件无法按原样复制");
                return;
            }
            WorkerProtocol.write(out, WorkerProtocol.COPIED, copy);
        }

        private void forget() throws IOException {
            if (current != null) {
                Files.deleteIfExists(current);
                current = null;
            }
        }
    }
}
