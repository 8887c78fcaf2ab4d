package org.evalbook.signing;

/** A signing key that cannot be used (too short); the message says where it is and what to do. */
public final class KeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeyException(String message) {
        super(message);
    }
}
