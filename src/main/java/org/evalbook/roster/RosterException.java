package org.evalbook.roster;

import java.util.List;

/** A roster that cannot be issued from; every problem is listed, by row, before anything is written. */
public final class RosterException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public RosterException(String file, List<String> problems) {
        this(problems, file + "：名册有 " + problems.size() + " 处问题，未生成任何填报表：\n" + String.join("\n", problems));
    }

    private RosterException(List<String> problems, String message) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** A file that cannot be read as a roster at all; {@code why} says what it is and what to do. */
    static RosterException unreadable(String file, String why) {
        return new RosterException(List.of(why), file + "：无法作为名册读取，未生成任何填报表。" + why);
    }

    public List<String> problems() {
        return problems;
    }
}
