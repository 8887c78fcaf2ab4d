package org.evalbook.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.evalbook.framework.DefinedName;
import org.evalbook.framework.FieldContract;
import org.evalbook.framework.AnyFramework;
import org.evalbook.framework.Framework;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.template.ProjectWorkbookWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evalbook fields}: the field contract, derived from the framework files. */
@Command(name = "fields", mixinStandardHelpOptions = true)
final class FieldsCommand implements Callable<Integer> {
    enum Format { md, csv }

    @Mixin
    FrameworkOption framework;

    @Option(names = "--format", paramLabel = "格式", defaultValue = "md")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AnyFramework loaded = framework.loadAny();
        List<DefinedName> names = loaded instanceof Framework department ? FieldContract.of(department)
                : ProjectWorkbookWriter.contract((ProjectFramework) loaded);
        boolean project = loaded instanceof ProjectFramework;
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.csv) {
            out.print('\uFEFF');
            out.println("代码,名称,单位,类型,必填,范围" + (project ? ",作用范围" : ""));
            names.forEach(n -> out.println(String.join(",", csv(n.id()), csv(n.label()), csv(n.unit()),
                    csv(n.type().label()), csv(n.requirement().label()), range(n)) + (project ? "," + scope(n) : "")));
        } else {
            out.println("# " + loaded.name() + "（" + loaded.id() + " " + loaded.version() + "）：共 " + names.size() + " 个定义名称");
            out.println();
            if (project) {
                out.println("每个项目一张工作表；标“每张项目表”的名称是工作表级定义名称，每张项目表上各有一份（复制工作表时随之复制）。");
                out.println();
            }
            out.println("| 代码 | 名称 | 单位 | 类型 | 必填 | 范围 |" + (project ? " 作用范围 |" : ""));
            out.println("|---|---|---|---|---|---|" + (project ? "---|" : ""));
            names.forEach(n -> out.println("| `" + n.id() + "` | " + n.label().replace("|", "\\|") + " | " + n.unit() + " | "
                    + n.type().label() + " | " + n.requirement().label() + " | " + range(n) + " |" + (project ? " " + scope(n) + " |" : "")));
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Where a name of the project form lives: the whole workbook (unit fields) or each project sheet. */
    private static String scope(DefinedName name) {
        return ProjectWorkbookWriter.isSheetScoped(name) ? "每张项目表" : "整个工作簿";
    }

    /** A single cell, or a table column the unit adds rows to. */
    private static String range(DefinedName name) {
        return name.column() ? "表格列" : "单元格";
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
