package org.coachapproach.assessment.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.coachapproach.assessment.analysis.RFixtures.assertR;

/** Holm and Benjamini–Hochberg against R's p.adjust: ties, NA, 0, 1, one p, all missing. */
class PAdjustTests {

	@Test
	void shouldMatchRsPAdjustOnEveryTable() {
		Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
		RFixtures.read("expected-padjust.csv").forEach(r -> tables.computeIfAbsent(r.get("table"), k -> new ArrayList<>()).add(r));
		assertThat(tables).containsKeys("main", "small", "single", "all_na");
		tables.forEach((table, rows) -> {
			double[] p = rows.stream().mapToDouble(r -> RFixtures.number(r.get("p"))).toArray();
			double[] holm = PAdjust.holm(p);
			double[] bh = PAdjust.benjaminiHochberg(p);
			for (int i = 0; i < rows.size(); i++) {
				assertR(table + " holm " + rows.get(i).get("id"), holm[i], rows.get(i).get("holm"));
				assertR(table + " BH " + rows.get(i).get("id"), bh[i], rows.get(i).get("bh"));
			}
		});
	}

	@Test
	void shouldReadTheSameInputsAsR() {
		List<Map<String, String>> inputs = RFixtures.read("padjust-input.csv");
		List<Map<String, String>> expected = RFixtures.read("expected-padjust.csv");
		assertThat(expected).hasSameSizeAs(inputs);
		for (int i = 0; i < inputs.size(); i++) {
			assertR("p " + i, RFixtures.number(inputs.get(i).get("p")), expected.get(i).get("p"));
		}
	}

	@Test
	void shouldRefuseAValueThatIsNoProbability() {
		assertThatIllegalArgumentException().isThrownBy(() -> PAdjust.holm(new double[] { 0.2, 1.5 }))
			.withMessageContaining("1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> PAdjust.benjaminiHochberg(new double[] { -0.1 }));
	}

}
