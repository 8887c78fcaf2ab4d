package org.evalbook.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.evalbook.framework.DefinedName;
import org.evalbook.framework.FieldContract;
import org.evalbook.framework.Framework;
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
        Framework loaded = framework.load();
        List<DefinedName> names = FieldContract.of(loaded);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.csv) {
            out.print('\uFEFF');
            out.println("代码,名称,单位,类型,必填,范围");
            names.forEach(n -> out.println(String.join(",", csv(n.id()), csv(n.label()), csv(n.unit()),
                    csv(n.type().label()), csv(n.requirement().label()), range(n))));
        } else {
            out.println("# " + loaded.name() + "（" + loaded.id() + " " + loaded.version() + "）：共 " + names.size() + " 个定义名称");
            out.println();
            out.println("| 代码 | 名称 | 单位 | 类型 | 必填 | 范围 |");
            out.println("|---|---|---|---|---|---|");
            names.forEach(n -> out.println("| `" + n.id() + "` | " + n.label().replace("|", "\\|") + " | " + n.unit() + " | "
                    + n.type().label() + " | " + n.requirement().label() + " | " + range(n) + " |"));
        }
        out.flush();
        return ExitCode.OK;
    }

    /** A single cell, or a table column the unit adds rows to. */
    private static String range(DefinedName name) {
        return name.column() ? "表格列" : "单元格";
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
