package org.evalbook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.evalbook.check.Identity;
import org.evalbook.check.UnitIdentity;
import org.evalbook.intake.IsolatedReader;
import org.evalbook.intake.RawReturn;
import org.evalbook.roster.Roster;
import org.evalbook.roster.RosterRow;
import org.evalbook.signing.SigningKey;
import org.evalbook.signing.SigningKeys;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How returns are read and verified, as {@code check} and {@code consolidate} both take it. */
final class CheckingOptions {
    @Option(names = "--demo-key")
    boolean demoKey;

    @Option(names = "--key-file", paramLabel = "密钥文件")
    Path keyFile;

    @Option(names = "--timeout", paramLabel = "秒数")
    int timeout = 60;

    @Option(names = "--workers", paramLabel = "进程数")
    int workers = IsolatedReader.Limits.DEFAULT.workers();

    /** The bureau's key to verify signatures with; none in demo mode. Checking never creates a key. */
    private Optional<SigningKey> key(CommandLine commandLine) throws java.io.IOException {
        if (keyFile != null && !Files.isRegularFile(keyFile)) {
            throw new CommandLine.ParameterException(commandLine, "找不到签名密钥文件：" + keyFile + "。请检查路径（核对时不会新建密钥）。");
        }
        return demoKey ? Optional.empty()
                : SigningKeys.existing(SigningKeys.environment(System.getenv(), keyFile), Path.of(System.getProperty("user.home")));
    }

    /**
     * What each return's identity is checked against: the bureau's key (or the demo key) and, with a roster, the row of
     * the unit code the return claims.
     */
    Function<RawReturn, Identity> identity(CommandLine commandLine, Optional<Roster> roster) throws java.io.IOException {
        Optional<SigningKey> key = key(commandLine);
        Map<String, RosterRow> byCode = new HashMap<>();
        roster.ifPresent(rows -> rows.forEach(r -> byCode.put(r.unitCode(), r)));
        return raw -> new Identity(key, demoKey, UnitIdentity.claimedCode(raw).map(byCode::get), roster.isPresent());
    }

    IsolatedReader.Limits limits(CommandLine commandLine) {
        if (workers < 1) {
            throw new CommandLine.ParameterException(commandLine, "--workers 至少为 1。");
        }
        if (timeout < 1) {
            throw new CommandLine.ParameterException(commandLine, "--timeout 至少为 1 秒。");
        }
        return new IsolatedReader.Limits(workers, Duration.ofSeconds(timeout), 512);
    }
}
