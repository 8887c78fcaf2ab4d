package org.evalbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.evalbook.framework.AnyFramework;
import org.evalbook.framework.Framework;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.framework.ProjectProfile;
import org.evalbook.template.ProjectWorkbookWriter;
import org.evalbook.framework.Profile;
import org.evalbook.template.FileNames;
import org.evalbook.signing.SigningKey;
import org.evalbook.template.TemplateWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evalbook template}: the blank standard workbook of a framework, per profile. */
@Command(name = "template", mixinStandardHelpOptions = true)
final class TemplateCommand implements Callable<Integer> {
    @Mixin
    FrameworkOption framework;

    @Option(names = "--profile", paramLabel = "方案")
    String profile;

    @Option(names = "--out", required = true, paramLabel = "文件夹")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        AnyFramework any = framework.loadAny();
        if (any instanceof ProjectFramework project) {
            return projectForms(project);
        }
        Framework loaded = (Framework) any;
        List<Profile> profiles = profile == null ? List.copyOf(loaded.profiles().values())
                : List.of(loaded.profile(profile).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        "未知的评价方案 " + profile + "。可选：" + String.join("、", loaded.profiles().keySet()))));
        Files.createDirectories(out);
        for (Profile p : profiles) {
            Path file = out.resolve(blankName(loaded, p));
            PartialFile.write(file, stream -> TemplateWriter.write(loaded, p, Optional.empty(), SigningKey.PUBLIC_DEMO, stream));
            spec.commandLine().getOut().println("已生成空白样表：" + file);
        }
        return ExitCode.OK;
    }

    /** The blank project form, one project sheet, per profile (or the one named). */
    private Integer projectForms(ProjectFramework loaded) throws IOException {
        List<ProjectProfile> profiles = profile == null ? List.copyOf(loaded.profiles().values())
                : List.of(loaded.profile(profile).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        "未知的评价方案 " + profile + "。可选：" + String.join("、", loaded.profiles().keySet()))));
        Files.createDirectories(out);
        for (ProjectProfile p : profiles) {
            Path file = out.resolve(FileNames.safe(loaded.id() + "_" + p.id() + "_空白样表") + ".xlsx");
            PartialFile.write(file, stream -> ProjectWorkbookWriter.write(loaded, p, Optional.empty(), List.of(), SigningKey.PUBLIC_DEMO, stream));
            spec.commandLine().getOut().println("已生成空白样表：" + file);
        }
        return ExitCode.OK;
    }

    static String blankName(Framework framework, Profile profile) {
        return FileNames.safe(framework.id() + "_" + profile.id() + "_空白样表") + ".xlsx";
    }
}
