package org.evalbook.intake;

import java.nio.file.Path;

/**
 * One received file: where it is, and the name it is shown under — its path relative to the folder it was found in
 * (or as given on the command line), with control characters escaped so that no name can break a report line or
 * drive the terminal. The path itself never travels as text: workers get the file's bytes (see {@link IsolatedReader}).
 *
 * @param path     the file as found (its bytes, not its printed name, open it)
 * @param name     the name shown in reports, JSON and messages (escaped, unique within one run)
 * @param oddName  the name holds control characters or bytes that are not valid in the system's encoding
 */
public record Received(Path path, String name, boolean oddName) {
    /** A file under {@code name}, as it would be printed. */
    public static Received of(Path path, String name) {
        String shown = Names.escaped(name);
        return new Received(path, shown, !shown.equals(name) || name.indexOf('\uFFFD') >= 0);
    }

    /** The file's extension in lower case when it is a plain one (letters and digits), else "". */
    String extension() {
        String file = path.getFileName() == null ? "" : path.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String ext = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return ext.matches("[a-z0-9]{1,8}") ? ext : "";
    }
}
