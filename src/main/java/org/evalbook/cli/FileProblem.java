package org.evalbook.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;

/** What went wrong with a file, in words a clerk can act on: the system's own reason is English, or missing. */
final class FileProblem {
    private FileProblem() {
    }

    static String describe(FileSystemException problem) {
        String file = problem.getFile() == null ? "" : problem.getFile();
        String reason = problem.getReason() == null ? "" : problem.getReason();
        if (problem instanceof FileAlreadyExistsException) {
            return "无法读写 " + file + "：已有同名的文件或文件夹。请换一个名称，或先把原有的移走。";
        }
        if (problem instanceof NotDirectoryException) {
            return "无法读写 " + file + "：这是一个文件，这里需要的是文件夹。";
        }
        if (problem instanceof DirectoryNotEmptyException) {
            return "无法读写 " + file + "：这是一个不为空的文件夹，这里需要的是文件名。";
        }
        if (problem instanceof AccessDeniedException || reason.contains("ermission")) {
            return "无法读写 " + file + "：没有读写权限，或文件正被 Excel、WPS 打开。请关闭文件或换一个位置后重试。";
        }
        if (reason.contains("No space")) {
            return "无法读写 " + file + "：磁盘已满。请清理磁盘或换一个位置后重试。";
        }
        if (reason.contains("Read-only")) {
            return "无法读写 " + file + "：所在磁盘是只读的。请换一个位置后重试。";
        }
        return "无法读写 " + file + "。文件可能正被 Excel 或 WPS 打开，或路径不可写。";
    }
}
