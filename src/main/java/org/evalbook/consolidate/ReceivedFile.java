package org.evalbook.consolidate;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * One file found under the input folders, and what became of it.
 *
 * @param name     its path relative to the folder given (escaped)
 * @param state    exactly one state
 * @param reason   why, in Chinese ("" for an adopted return)
 * @param unitCode the unit it was matched to, when any
 * @param received when it was received (the receipt log's time when mail collection saved it, else the file's modification time)
 */
public record ReceivedFile(String name, FileState state, String reason, Optional<String> unitCode, Optional<LocalDateTime> received) {
}
