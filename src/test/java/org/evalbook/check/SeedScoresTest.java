package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;
import org.evalbook.framework.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two seed units scored under each shipped profile, against the rates, scores and totals worked out by hand in
 * {@code src/test/resources/seeds/*.yaml} (the working is written beside each expectation there).
 */
class SeedScoresTest {
    private static final Framework FRAMEWORK = Frameworks.bundled(Frameworks.DEFAULT_ID);

    static Stream<Arguments> cases() {
        return Stream.of("kunming-2017", "zhuhui-2022").flatMap(seed -> Stream.of("default", "hunan-2022")
                .map(profile -> Arguments.of(seed, profile)));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("cases")
    void everyIndicatorAndTheTotalMatchTheHandWorking(String seed, String profileId) {
        SeedCase seedCase = SeedCase.load(seed, FRAMEWORK);
        Profile profile = FRAMEWORK.profile(profileId).orElseThrow();
        SeedCase.Expected expected = seedCase.expected().get(profileId);

        ScoreSheet sheet = new Scorer(FRAMEWORK, profile).score(seedCase.figures().values());

        List<String> scoredIds = sheet.indicators().stream().map(IndicatorScore::indicatorId).toList();
        assertThat(scoredIds).as("every indicator of the profile has an expectation")
                .containsExactlyElementsOf(expected.indicators().stream().map(SeedCase.ExpectedIndicator::id).toList());
        for (SeedCase.ExpectedIndicator want : expected.indicators()) {
            IndicatorScore got = sheet.indicator(want.id()).orElseThrow();
            assertThat(got.outcome()).as(want.id() + " outcome (" + want.why() + "): " + got.note()).isEqualTo(want.outcome());
            assertThat(got.rate()).as(want.id() + " rate").isEqualTo(Optional.ofNullable(want.rate()));
            assertThat(got.score()).as(want.id() + " score").hasValueSatisfying(
                    score -> assertThat(score).isEqualByComparingTo(want.score()));
        }
        assertThat(sheet.total()).isEqualByComparingTo(expected.total());
        assertThat(sheet.grade()).isEqualTo(expected.grade());
        assertThat(sheet.applicableWeight()).isEqualByComparingTo(BigDecimal.valueOf(100));
    }
}
