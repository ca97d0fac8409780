package org.coachapproach.assessment.internal.responses;

import java.util.Base64;

import org.coachapproach.assessment.AssessmentProperties;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PseudonymsTests {

	private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	@Test
	void shouldGiveTheSamePersonTheSamePseudonymInACourseAndAnotherElsewhere() {
		Pseudonyms pseudonyms = new Pseudonyms(null, key(KEY), "");

		byte[] first = pseudonyms.of(new CourseId(7), new PersonId(42));

		assertThat(first).hasSize(32).isEqualTo(pseudonyms.of(new CourseId(7), new PersonId(42)));
		assertThat(pseudonyms.of(new CourseId(8), new PersonId(42))).isNotEqualTo(first);
		assertThat(pseudonyms.of(new CourseId(7), new PersonId(43))).isNotEqualTo(first);
		assertThat(pseudonyms.ofExternal(new CourseId(7), "42")).isNotEqualTo(first);
		String otherKey = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
		assertThat(new Pseudonyms(null, key(otherKey), "").of(new CourseId(7), new PersonId(42))).isNotEqualTo(first);
	}

	@Test
	void shouldRefuseAConfiguredKeyShorterThan32Bytes() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new Pseudonyms(null, key(Base64.getEncoder().encodeToString("short".getBytes())), ""))
			.withMessageContaining("at least 32 bytes");
		assertThatIllegalStateException().isThrownBy(() -> new Pseudonyms(null, key("not base64!"), ""))
			.withMessageContaining("not Base64");
	}

	private static AssessmentProperties key(String pseudonymKey) {
		return new AssessmentProperties(pseudonymKey, "demo-course");
	}

}
