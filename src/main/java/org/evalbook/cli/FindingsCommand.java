package org.evalbook.cli;

import java.util.concurrent.Callable;
import org.evalbook.finding.FindingCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code evalbook findings}: every finding code with its severity and meaning (the source of docs/findings.md). */
@Command(name = "findings", mixinStandardHelpOptions = true)
final class FindingsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(FindingCodes.markdown());
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
