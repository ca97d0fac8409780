package org.coachapproach.assessment.internal.responses;

import java.util.LinkedHashMap;
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

}
