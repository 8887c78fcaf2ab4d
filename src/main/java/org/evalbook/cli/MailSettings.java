package org.evalbook.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.evalbook.mail.MailConfig;
import org.evalbook.mail.MailException;
import org.evalbook.mail.Passwords;
import picocli.CommandLine.Option;

/** Where the mail settings are, as every mail command takes them (receiving as well as sending). */
class MailSettings {
    /** The process environment; the one seam tests replace, to hand a password to a command they run. */
    static Supplier<Map<String, String>> environment = System::getenv;

    @Option(names = "--config", paramLabel = "配置文件")
    Path config = Path.of(MailConfig.DEFAULT_FILE);

    /** The configuration, its warnings printed; a configuration that cannot be used is a usage error. */
    MailConfig load(PrintWriter err) {
        try {
            MailConfig loaded = MailConfig.read(config);
            loaded.warnings().forEach(err::println);
            return loaded;
        } catch (MailException refused) {
            throw new UserInputException(refused.getMessage(), refused);
        }
    }

    static Passwords passwords() {
        return new Passwords(environment.get(), Passwords.Prompt.console());
    }
}
