package org.coachapproach.assessment.analysis;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.coachapproach.assessment.analysis.RFixtures.assertR;

/** Scale scores (mean of answered items when at least half are answered) against R's rowMeans. */
class ScaleScoreTests {

	@Test
	void shouldMatchRWithTheHalfRule() {
		List<Map<String, String>> inputs = RFixtures.read("scale-input.csv");
		List<Map<String, String>> expected = RFixtures.read("expected-scale.csv");
		double[][] answers = inputs.stream()
			.map(r -> r.entrySet().stream().filter(e -> e.getKey().startsWith("i"))
				.mapToDouble(e -> RFixtures.number(e.getValue())).toArray())
			.toArray(double[][]::new);

		double[] scores = ScaleScore.of(answers);

		assertThat(scores).hasSize(expected.size());
		for (int i = 0; i < scores.length; i++) {
			assertR("respondent " + (i + 1), scores[i], expected.get(i).get("score"));
		}
		assertThat(expected).extracting(r -> r.get("score")).contains("NA");
	}

	@Test
	void shouldScoreExactlyHalfAnsweredButNotLess() {
		double nan = Double.NaN;
		assertThat(ScaleScore.of(new double[] { 4, 2, nan, nan })).isEqualTo(3);
		assertThat(ScaleScore.of(new double[] { 4, nan, nan, nan })).isNaN();
		assertThat(ScaleScore.of(new double[] { 5, 4, nan, nan, nan })).isNaN();
		assertThatIllegalArgumentException().isThrownBy(() -> ScaleScore.of(new double[0]));
	}

}
