package org.evalbook.mail;

import java.io.Console;
import java.util.Map;
import java.util.Optional;

/**
 * Where the mail passwords come from: the environment, else a prompt without echo on a terminal. Never the
 * configuration file, and a {@link Password} never prints itself.
 */
public final class Passwords {
    public static final String SMTP_VARIABLE = "EVALBOOK_SMTP_PASSWORD";
    public static final String IMAP_VARIABLE = "EVALBOOK_IMAP_PASSWORD";

    /** Asks for a password without echo; empty when there is no terminal to ask on. */
    @FunctionalInterface
    public interface Prompt {
        Optional<char[]> ask(String question);

        /** The process's terminal, when it has one. */
        static Prompt console() {
            return question -> {
                Console console = System.console();
                return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", question));
            };
        }
    }

    private final Map<String, String> environment;
    private final Prompt prompt;

    public Passwords(Map<String, String> environment, Prompt prompt) {
        this.environment = Map.copyOf(environment);
        this.prompt = prompt;
    }

    Password smtp(Server server) throws MailException {
        return resolve(SMTP_VARIABLE, "发件（SMTP）", server);
    }

    Password imap(Server server) throws MailException {
        return resolve(IMAP_VARIABLE, "收件（IMAP）", server);
    }

    private Password resolve(String variable, String what, Server server) throws MailException {
        String set = environment.get(variable);
        if (set != null && !set.isEmpty()) {
            return new Password(set.toCharArray());
        }
        Optional<char[]> typed = prompt.ask(what + "邮箱 " + server.user() + " 的密码（输入时不显示）：");
        if (typed.isEmpty() || typed.get().length == 0) {
            throw new MailException("没有" + what + "密码。请设置环境变量 " + variable + "，或在终端中运行以便输入密码。");
        }
        return new Password(typed.get());
    }

    /** A password: handed to the mail library only, never shown. */
    static final class Password {
        private final char[] value;

        Password(char[] value) {
            this.value = value.clone();
        }

        String reveal() {
            return new String(value);
        }

        @Override
        public String toString() {
            return "******";
        }
    }
}
