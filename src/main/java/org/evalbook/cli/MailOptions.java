package org.evalbook.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.evalbook.mail.Delivery;
import picocli.CommandLine.Option;

/** The mail settings of a command that sends, and whether to send again what was sent before. */
final class MailOptions extends MailSettings {
    @Option(names = "--resend")
    boolean resend;

    Delivery delivery(PrintWriter err, Optional<Path> eml, Clock clock) {
        return new Delivery(load(err), passwords(), eml, resend, clock);
    }
}
