package org.evalbook.check;

import java.util.Optional;
import org.evalbook.roster.RosterRow;
import org.evalbook.signing.SigningKey;

/**
 * What a return's identity is checked against.
 *
 * @param bureauKey the bureau's real key, when one is in use on this machine
 * @param demoMode  checking the demo and test samples: the public demo key is accepted without a finding
 * @param rosterRow the roster's row for the return's unit code, when a roster was given and has it
 * @param rosterGiven a roster was given (so a unit missing from it is a finding)
 */
public record Identity(Optional<SigningKey> bureauKey, boolean demoMode, Optional<RosterRow> rosterRow, boolean rosterGiven) {
    public static final Identity DEMO = new Identity(Optional.empty(), true, Optional.empty(), false);

}
