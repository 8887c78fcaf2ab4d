package org.evalbook.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.Callable;
import org.evalbook.finding.Figures;
import org.evalbook.framework.Framework;
import org.evalbook.framework.IndicatorKind;
import org.evalbook.framework.Profile;
import org.evalbook.framework.ProfileEntry;
import org.evalbook.framework.RuleText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evalbook profiles}: the scoring profiles with their weights per 一级 and 二级. */
@Command(name = "profiles", mixinStandardHelpOptions = true)
final class ProfilesCommand implements Callable<Integer> {
    @Mixin
    FrameworkOption framework;

    @Option(names = "--indicators")
    boolean indicators;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Framework loaded = framework.load();
        PrintWriter out = spec.commandLine().getOut();
        out.println(loaded.name() + "（" + loaded.id() + " " + loaded.version() + "）");
        for (Profile profile : loaded.profiles().values()) {
            out.println();
            out.println(profile.name() + "（--profile " + profile.id() + "）：" + profile.entries().size() + " 个指标，合计 "
                    + Figures.score(profile.totalWeight()) + " 分");
            if (!profile.description().isEmpty()) {
                out.println("  " + profile.description());
            }
            for (Map.Entry<String, BigDecimal> level1 : profile.weightsByLevel1().entrySet()) {
                out.println("  " + level1.getKey() + " " + Figures.score(level1.getValue()) + " 分");
                for (Map.Entry<String, BigDecimal> level2 : profile.weightsByLevel2(level1.getKey()).entrySet()) {
                    out.println("    " + level2.getKey() + " " + Figures.score(level2.getValue()) + " 分");
                    if (indicators) {
                        listIndicators(out, loaded, profile, level1.getKey(), level2.getKey());
                    }
                }
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void listIndicators(PrintWriter out, Framework framework, Profile profile, String level1, String level2) {
        for (ProfileEntry entry : profile.entries()) {
            if (entry.indicator().level1().equals(level1) && entry.level2().equals(level2)) {
                String formula = entry.formula().map(f -> "；公式：" + f.label()).orElse("");
                String edges = entry.indicator().kind() == IndicatorKind.RATE ? "；" + RuleText.edgeCases(entry) : "";
                // The indicator's id is what a bureau editing the profile files looks for.
                out.println("      " + entry.name() + " " + Figures.score(entry.weight()) + " 分（" + entry.indicator().id() + "）："
                        + RuleText.describe(entry, framework.judgementLevels()) + formula + edges);
            }
        }
    }
}
