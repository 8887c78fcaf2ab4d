package org.evalbook.cli;

/** A file or value the user gave that cannot be used; the message says which and what to do (exit 2). */
final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
