package org.evalbook.template;

import java.util.List;

/** A roster that cannot be issued from; every problem is listed, by row, before anything is written. */
public final class RosterException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public RosterException(String file, List<String> problems) {
        super(file + "：名册有 " + problems.size() + " 处问题，未生成任何填报表：\n" + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
