package org.coachapproach.assessment.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coachapproach.assessment.analysis.PairedComparison.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.coachapproach.assessment.analysis.RFixtures.assertR;

/** Paired comparisons against R's t.test and wilcox.test on the committed fixtures. */
class PairedComparisonTests {

	@Test
	void shouldMatchREveryFixture() {
		Map<String, double[][]> inputs = inputs();
		List<Map<String, String>> expected = RFixtures.read("expected-paired.csv");
		assertThat(expected).extracting(r -> r.get("case")).containsExactlyElementsOf(inputs.keySet());
		for (Map<String, String> r : expected) {
			String c = r.get("case");
			double[][] in = inputs.get(c);
			PairedComparison result = PairedComparison.compare(in[0], in[1]);

			assertThat(result.pairs()).as(c + " pairs").isEqualTo(Integer.parseInt(r.get("n")));
			assertThat(result.dropped()).as(c + " dropped").isEqualTo(Integer.parseInt(r.get("dropped")));
			assertR(c + " pre mean", result.pre().mean(), r.get("pre_mean"));
			assertR(c + " pre sd", result.pre().sd(), r.get("pre_sd"));
			assertR(c + " post mean", result.post().mean(), r.get("post_mean"));
			assertR(c + " post sd", result.post().sd(), r.get("post_sd"));
			assertR(c + " pre median", result.pre().median(), r.get("pre_median"));
			assertR(c + " post median", result.post().median(), r.get("post_median"));
			assertR(c + " pre mode", result.pre().mode(), r.get("pre_mode"));
			assertR(c + " post mode", result.post().mode(), r.get("post_mode"));
			assertR(c + " mean difference", result.meanDifference(), r.get("mean_diff"));
			assertR(c + " CI low", result.ciLow(), r.get("ci_low"));
			assertR(c + " CI high", result.ciHigh(), r.get("ci_high"));
			assertR(c + " t", result.t(), r.get("t"));
			if (!r.get("df").equals("NA")) {
				// R has no df where t.test stops ("data are essentially constant"); ours is pairs - 1
				assertR(c + " df", result.df(), r.get("df"));
			}
			assertR(c + " p", result.p(), r.get("p"));
			assertR(c + " dz", result.cohensDz(), r.get("dz"));
			assertR(c + " V", result.wilcoxonV(), r.get("wilcoxon_v"));
			assertR(c + " Wilcoxon p", result.wilcoxonP(), r.get("wilcoxon_p"));
			if (!r.get("wilcoxon_exact").equals("NA")) {
				assertThat(result.wilcoxonExact()).as(c + " exact").isEqualTo(Boolean.parseBoolean(r.get("wilcoxon_exact")));
			}
			assertThat(result.improved()).as(c + " improved").isEqualTo(Integer.parseInt(r.get("improved")));
			assertThat(result.unchanged()).as(c + " unchanged").isEqualTo(Integer.parseInt(r.get("unchanged")));
			assertThat(result.declined()).as(c + " declined").isEqualTo(Integer.parseInt(r.get("declined")));
			assertThat(result.computable()).isTrue();
		}
	}

	@Test
	void shouldSayWhyTAndDzAreUndefinedWhenEveryDifferenceIsEqual() {
		PairedComparison equal = PairedComparison.compare(new double[] { 1, 2, 3 }, new double[] { 2, 3, 4 });
		PairedComparison none = PairedComparison.compare(new double[] { 1, 2, 3 }, new double[] { 1, 2, 3 });

		assertThat(equal.tUndefined()).isEqualTo(Reason.DIFFERENCES_ALL_EQUAL);
		assertThat(equal.t()).isNaN();
		assertThat(equal.cohensDz()).isNaN();
		assertThat(equal.meanDifference()).isEqualTo(1);
		assertThat(equal.wilcoxonUndefined()).isNull();
		assertThat(none.tUndefined()).isEqualTo(Reason.DIFFERENCES_ALL_ZERO);
		assertThat(none.wilcoxonUndefined()).isEqualTo(Reason.DIFFERENCES_ALL_ZERO);
		assertThat(none.wilcoxonP()).isNaN();
		assertThat(none.shareUnchanged()).isEqualTo(1);
	}

	@Test
	void shouldFlagFewerThanTwoPairsAsNotComputable() {
		PairedComparison one = PairedComparison.compare(new double[] { 3, Double.NaN, 2 },
				new double[] { 4, 5, Double.NaN });
		PairedComparison none = PairedComparison.compare(new double[0], new double[0]);

		assertThat(one.computable()).isFalse();
		assertThat(one.notComputable()).isEqualTo(Reason.FEWER_THAN_TWO_PAIRS);
		assertThat(one.pairs()).isEqualTo(1);
		assertThat(one.dropped()).isEqualTo(2);
		assertThat(one.t()).isNaN();
		assertThat(one.p()).isNaN();
		assertThat(one.wilcoxonP()).isNaN();
		assertThat(none.computable()).isFalse();
		assertThat(none.shareImproved()).isNaN();
	}

	@Test
	void shouldRefuseMismatchedOrInfiniteAnswers() {
		assertThatIllegalArgumentException().isThrownBy(() -> PairedComparison.compare(new double[2], new double[3]));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PairedComparison.compare(new double[] { 1, Double.POSITIVE_INFINITY }, new double[2]));
	}

	@Test
	void shouldTakeTheSmallestOfEquallyFrequentValuesAsTheMode() {
		assertThat(Summary.of(new double[] { 5, 2, 4, 2, 5, 1 }).mode()).isEqualTo(2);
	}

	/** case → {pre, post}, in the file's order. */
	static Map<String, double[][]> inputs() {
		Map<String, List<double[]>> rows = new LinkedHashMap<>();
		for (Map<String, String> r : RFixtures.read("paired-input.csv")) {
			rows.computeIfAbsent(r.get("case"), k -> new ArrayList<>())
				.add(new double[] { RFixtures.number(r.get("pre")), RFixtures.number(r.get("post")) });
		}
		Map<String, double[][]> inputs = new LinkedHashMap<>();
		rows.forEach((c, pairs) -> {
			double[][] in = new double[2][pairs.size()];
			for (int i = 0; i < pairs.size(); i++) {
				in[0][i] = pairs.get(i)[0];
				in[1][i] = pairs.get(i)[1];
			}
			inputs.put(c, in);
		});
		return inputs;
	}

}
