package org.evalbook.cli;

/** The launcher's entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(EvalbookCommand.commandLine().execute(args));
    }
}
