package org.coachapproach.assessment.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerCodecTests {

	@Test
	void shouldPackAnswersCompactlyAndEscapeOnlyFreeText() {
		Map<String, String> answers = new LinkedHashMap<>();
		answers.put("knowledge-promotion", "4");
		answers.put("rank", "associate");
		answers.put("comments", "a=b; c, 100% \"yes\"\nnew line é");

		String packed = AnswerCodec.pack(answers);

		assertThat(packed).startsWith("knowledge-promotion=4;rank=associate;comments=").doesNotContain("\n");
		assertThat(AnswerCodec.unpack(packed)).containsExactlyEntriesOf(answers);
		assertThat(AnswerCodec.unpack("")).isEmpty();
	}

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
