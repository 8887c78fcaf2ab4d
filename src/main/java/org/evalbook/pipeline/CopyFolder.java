package org.evalbook.pipeline;

import java.nio.file.Path;

/**
 * Where annotated copies go, and which returns get one.
 *
 * @param dir  the folder the copies land in (created when the first copy is made)
 * @param rule which returns are copied, and when their copies land in {@code dir}
 */
public record CopyFolder(Path dir, Rule rule) {
    /** Which returns get a copy, and when it lands. */
    public enum Rule {
        /** Every readable return, moved into the folder as soon as its copy is made: {@code check --annotate}. */
        EVERY_READABLE,
        /**
         * Only returns with errors, held back until the caller knows which of them to keep
         * ({@link CheckRun.Summary#publish}): {@code consolidate --annotate} keeps each unit's accepted return, the file
         * the bureau sends back for 退回修改, and drops superseded and unmatched ones.
         */
        WITH_ERRORS_HELD
    }

    /** What {@code check --annotate DIR} writes. */
    public static CopyFolder everyReadable(Path dir) {
        return new CopyFolder(dir, Rule.EVERY_READABLE);
    }

    /** What {@code consolidate --annotate DIR} writes, once the accepted returns are known. */
    public static CopyFolder withErrorsHeld(Path dir) {
        return new CopyFolder(dir, Rule.WITH_ERRORS_HELD);
    }
}
