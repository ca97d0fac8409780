package org.coachapproach.assessment.internal.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CohortReaderTests {

	@Test
	void shouldReadScaleValuesIntoSlotsWithoutCuttingKeysOut() {
		CohortReader.KeyIndex index = new CohortReader.KeyIndex(List.of("a", "then-a", "knowledge-dei", "b"));
		byte[] values = new byte[4];

		CohortReader.unpackScale("knowledge-dei=5;a=2;unknown=3;then-a=1;b=x7;comments=4%2C5", index, values);

		assertThat(values).containsExactly(2, 1, 5, 0);
		assertThat(index.find("xx;knowledge-dei=", 3, 16)).isEqualTo(2);
		assertThat(index.find("knowledge", 0, 9)).isEqualTo(-1);
	}

}
