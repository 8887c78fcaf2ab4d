package org.evalbook.mail;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One mail server as evalbook.yaml names it.
 *
 * @param folder the IMAP folder collect reads ("" for SMTP)
 */
public record Server(String host, int port, Security security, String user, String folder) {
    /** Whether the host is this machine, where an unencrypted connection crosses no network. */
    boolean loopback() {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException unresolved) {
            return false;
        }
    }
}
