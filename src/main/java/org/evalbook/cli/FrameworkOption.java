package org.evalbook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.evalbook.framework.AnyFramework;
import org.evalbook.framework.Framework;
import org.evalbook.framework.FrameworkException;
import org.evalbook.framework.Frameworks;
import picocli.CommandLine.Option;

/** {@code --framework}: a bundled framework id, or the path of a framework folder (an edited copy). */
final class FrameworkOption {
    @Option(names = "--framework", paramLabel = "框架代码|文件夹", defaultValue = Frameworks.DEFAULT_ID)
    String framework;

    /** The 部门整体支出 framework named (a project framework is refused, naming the command's need). */
    Framework load() {
        Path dir = Path.of(framework);
        if (Files.isDirectory(dir)) {
            return Frameworks.load(dir);
        }
        refuseUnknownPath();
        return Frameworks.bundled(framework);
    }

    /** The framework named, of either form (部门整体支出 or 项目支出绩效自评). */
    AnyFramework loadAny() {
        Path dir = Path.of(framework);
        if (Files.isDirectory(dir)) {
            return Frameworks.loadAny(dir);
        }
        refuseUnknownPath();
        return Frameworks.bundledAny(framework);
    }

    private void refuseUnknownPath() {
        if (framework.contains("/") || framework.contains("\\")) {
            throw new FrameworkException(framework + "：找不到框架文件夹。请指向含有 framework.yaml 的文件夹，或写内置框架代码 "
                    + String.join("、", Frameworks.BUNDLED) + "。");
        }
    }
}
