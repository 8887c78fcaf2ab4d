package org.evalbook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.evalbook.framework.AnyFramework;
import org.evalbook.framework.Framework;
import org.evalbook.framework.FrameworkException;
import org.evalbook.framework.Frameworks;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.intake.ProjectContract;
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

    /**
     * The project form's framework: the folder given to {@code --project-framework}, else the bundled one. A folder of
     * the 部门整体支出 form is refused, naming the option.
     */
    static ProjectFramework project(Path folder) {
        if (folder == null) {
            return ProjectContract.bundled();
        }
        if (!Files.isDirectory(folder)) {
            throw new FrameworkException(folder + "：找不到框架文件夹。--project-framework 应指向含有 framework.yaml 的项目支出绩效自评框架文件夹。");
        }
        if (Frameworks.loadAny(folder) instanceof ProjectFramework project) {
            return project;
        }
        throw new FrameworkException(folder + " 是部门整体支出评价的框架，不是项目支出绩效自评的框架。--project-framework 应指向 form: project 的框架文件夹。");
    }

    private void refuseUnknownPath() {
        if (framework.contains("/") || framework.contains("\\")) {
            throw new FrameworkException(framework + "：找不到框架文件夹。请指向含有 framework.yaml 的文件夹，或写内置框架代码 "
                    + String.join("、", Frameworks.BUNDLED) + "。");
        }
    }
}
