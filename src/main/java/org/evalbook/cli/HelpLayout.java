package org.evalbook.cli;

import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The option and parameter lists of the help, each entry on its own line with its description indented below it.
 * picocli's two-column layout pads the name column by characters, not by screen columns, so the Chinese parameter
 * labels (two columns wide each) push every description out of line; this layout has no name column to misalign.
 */
final class HelpLayout {
    private static final int NAME_INDENT = 2;
    private static final int DESCRIPTION_INDENT = 8;

    private HelpLayout() {
    }

    /** Uses this layout for the command and every subcommand under it. */
    static void apply(CommandLine cli) {
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::options);
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, HelpLayout::parameters);
        cli.getSubcommands().values().forEach(HelpLayout::apply);
    }

    private static String options(Help help) {
        List<OptionSpec> options = help.commandSpec().options().stream().filter(o -> !o.hidden())
                .sorted(Comparator.comparing(o -> o.longestName().replaceFirst("^-+", "").toLowerCase(java.util.Locale.ROOT)))
                .toList();
        StringBuilder text = new StringBuilder();
        options.forEach(option -> entry(help, String.join(", ", option.names())
                + (option.arity().max() > 0 ? "=" + option.paramLabel() : ""), option, text));
        return text.toString();
    }

    private static String parameters(Help help) {
        StringBuilder text = new StringBuilder();
        for (PositionalParamSpec parameter : help.commandSpec().positionalParameters()) {
            if (!parameter.hidden()) {
                entry(help, parameter.paramLabel() + (parameter.arity().max() > 1 ? "..." : ""), parameter, text);
            }
        }
        return text.toString();
    }

    private static void entry(Help help, String name, ArgSpec arg, StringBuilder text) {
        text.append(" ".repeat(NAME_INDENT)).append(name).append(System.lineSeparator());
        int width = help.commandSpec().usageMessage().width();
        TextTable table = TextTable.forColumns(help.colorScheme(),
                new Help.Column(width, DESCRIPTION_INDENT, Help.Column.Overflow.WRAP));
        table.setAdjustLineBreaksForWideCJKCharacters(true);
        table.indentWrappedLines = 0;
        for (String line : arg.description()) {
            table.addRowValues(line);
        }
        text.append(table);
    }
}
