package org.evalbook.framework;

/** A framework folder that cannot be used; the message names the file, the entry and the fix, in Chinese. */
public final class FrameworkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FrameworkException(String message) {
        super(message);
    }

    public FrameworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
