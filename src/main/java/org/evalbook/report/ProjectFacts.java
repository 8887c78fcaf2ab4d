package org.evalbook.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.evalbook.finding.FindingCode;

/**
 * What the 综述 states about the project self-evaluations (项目支出绩效自评表) of a batch: present only when some
 * project return was adopted. Amounts are 万元; a figure a project left blank is left out of its sum, and each sum
 * says over how many projects it was taken.
 *
 * @param units         units whose project return was adopted
 * @param projects      projects (sheets) in those returns
 * @param funds         全年预算数 and 全年执行数, each summed over the projects that gave it; a figure no project gave is absent
 * @param rate          Σ 全年执行数 ÷ Σ 全年预算数 over the projects that gave both (budget above 0); absent when none did
 * @param grades        recomputed grades, best first, only those given to some project
 * @param selfAssessed  projects whose sheet states a 自评总分
 * @param selfHigher    projects whose 自评总分 is above the recomputed one
 * @param largestExcess the most a 自评总分 is above the recomputed one; present exactly when {@code selfHigher > 0}
 * @param problems      the most frequent errors and warnings of the project returns, errors first
 * @param resubmit      units whose project return has errors
 */
public record ProjectFacts(int units, int projects, List<Funds> funds, Optional<Rate> rate, List<GradeCount> grades,
                           int selfAssessed, int selfHigher, Optional<BigDecimal> largestExcess, List<Problem> problems,
                           int resubmit) {
    public ProjectFacts {
        funds = List.copyOf(funds);
        grades = List.copyOf(grades);
        problems = List.copyOf(problems);
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(largestExcess, "largestExcess");
        require(units >= 1 && projects >= 0, "project facts need an adopted project return");
        require(funds.stream().allMatch(f -> f.projects() <= projects), "a sum over more projects than there are");
        require(rate.map(r -> r.projects() <= projects).orElse(true), "a rate over more projects than there are");
        require(grades.stream().mapToInt(GradeCount::projects).sum() == projects, "every project has one recomputed grade");
        require(selfHigher >= 0 && selfHigher <= selfAssessed && selfAssessed <= projects, "self-scores among the projects");
        require(largestExcess.isPresent() == (selfHigher > 0), "a largest excess exactly when some self-score is higher");
        require(resubmit >= 0 && resubmit <= units, "more units to resubmit than returned");
    }

    /** One amount (全年预算数 or 全年执行数) summed over the {@code projects} that gave it. */
    public record Funds(String label, BigDecimal total, int projects) {
        public Funds {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(total, "total");
            require(projects >= 1, "a sum of at least one project");
        }
    }

    /** The overall execution rate (a fraction, 4 decimals) over the {@code projects} that gave both amounts. */
    public record Rate(BigDecimal value, int projects) {
        public Rate {
            Objects.requireNonNull(value, "value");
            require(projects >= 1, "a rate over at least one project");
        }
    }

    /** A recomputed grade and how many projects got it. */
    public record GradeCount(String grade, int projects) {
        public GradeCount {
            Objects.requireNonNull(grade, "grade");
            require(projects >= 1, "only grades given are listed");
        }
    }

    /** A finding code among the project returns: in how many units, how many findings in all. */
    public record Problem(FindingCode code, int units, int findings) {
        public Problem {
            Objects.requireNonNull(code, "code");
            require(units >= 1 && findings >= units, "a problem is found at least once in each unit it counts");
        }

        public String title() {
            return code.title();
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
