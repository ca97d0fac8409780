package org.coachapproach.assessment.analysis;

import java.util.Map;

import org.coachapproach.assessment.analysis.LikertDistribution.Point;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.coachapproach.assessment.analysis.RFixtures.assertR;

/** Likert distributions of the fixtures' 1–5 answers against R's tabulate. */
class LikertDistributionTests {

	@Test
	void shouldMatchRsCountsPercentagesAndTopTwo() {
		Map<String, double[][]> inputs = PairedComparisonTests.inputs();
		int checked = 0;
		for (Map<String, String> r : RFixtures.read("expected-likert.csv")) {
			double[] answers = inputs.get(r.get("case"))[r.get("wave").equals("pre") ? 0 : 1];
			LikertDistribution d = LikertDistribution.of(answers, 1, 5);
			String what = r.get("case") + " " + r.get("wave");

			assertThat(d.n()).as(what).isEqualTo(Integer.parseInt(r.get("n")));
			for (Point p : d.points()) {
				assertThat(p.count()).as(what + " count " + p.value()).isEqualTo(Integer.parseInt(r.get("count" + p.value())));
				assertR(what + " percent " + p.value(), p.percent(), r.get("percent" + p.value()));
			}
			assertR(what + " top two", d.percentTopTwo(), r.get("top_two"));
			assertR(what + " bottom two", d.percentBottomTwo(), r.get("bottom_two"));
			checked++;
		}
		assertThat(checked).isGreaterThanOrEqualTo(10);
	}

	@Test
	void shouldCentreADivergingBarOnTheNeutralPoint() {
		LikertDistribution d = LikertDistribution.of(new double[] { 1, 2, 3, 3, 4, 5, 5, 5, Double.NaN, 4 }, 1, 5);

		assertThat(d.n()).isEqualTo(9);
		assertThat(d.percentNeutral()).isCloseTo(200.0 / 9, within(1e-12));
		assertThat(d.divergingStart()).isCloseTo(-(200.0 / 9 + 100.0 / 9), within(1e-12));
		assertThat(LikertDistribution.of(new double[] { 1, 4 }, 1, 4).divergingStart()).isEqualTo(-50);
		assertThat(LikertDistribution.of(new double[0], 1, 5).percentTopTwo()).isNaN();
	}

	@Test
	void shouldRefuseAnAnswerOffTheScale() {
		assertThatIllegalArgumentException().isThrownBy(() -> LikertDistribution.of(new double[] { 6 }, 1, 5))
			.withMessageContaining("6.0 is not a point of the scale 1 to 5");
		assertThatIllegalArgumentException().isThrownBy(() -> LikertDistribution.of(new double[] { 2.5 }, 1, 5));
	}

}
