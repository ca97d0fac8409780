package org.coachapproach.progress;

import java.time.Clock;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.people.Member;
import org.coachapproach.progress.internal.CompletionRules;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reflections on exercises: a draft saved as the person types, revisable until submitted;
 * the submitted text is kept as it was and completes the exercise.
 */
@Service
public class Reflections {

	/** The longest reflection accepted, in characters. */
	public static final int MAX_LENGTH = 20_000;

	private final ReflectionRecords records;

	private final Curriculum curriculum;

	private final CompletionRules completions;

	private final Clock clock;

	Reflections(ReflectionRecords records, Curriculum curriculum, CompletionRules completions, Clock clock) {
		this.records = records;
		this.curriculum = curriculum;
		this.completions = completions;
		this.clock = clock;
	}

	public Reflection find(Member member, String exerciseId) {
		Progress.requireCourse(member);
		return this.records.find(member.person(), member.course(), exerciseId).orElseGet(() -> Reflection.empty(exerciseId));
	}

	/**
	 * Stores the draft, replacing the last one.
	 * @throws ReflectionTooLongException over {@link #MAX_LENGTH} characters
	 * @throws ReflectionSubmittedException once the reflection is submitted
	 */
	@Transactional
	public Reflection saveDraft(Member member, String exerciseId, String text) {
		Progress.requireCourse(member);
		String draft = checked(text);
		this.records.saveDraft(member.person(), member.course(), exerciseId, draft, this.curriculum.contentHash(),
				this.clock.instant());
		Reflection saved = find(member, exerciseId);
		if (saved.isSubmitted()) {
			throw new ReflectionSubmittedException(exerciseId);
		}
		return saved;
	}

	/**
	 * Submits the reflection and completes the exercise. Submitting again changes nothing:
	 * the first submitted text stands and the completion is recorded once.
	 * @throws ReflectionTooLongException over {@link #MAX_LENGTH} characters
	 */
	@Transactional
	public Reflection submit(Member member, String exerciseId, String text) {
		Progress.requireCourse(member);
		String submitted = checked(text);
		if (this.records.submit(member.person(), member.course(), exerciseId, submitted, this.curriculum.contentHash(),
				this.clock.instant())) {
			this.completions.exerciseSubmitted(member.person(), member.course(), exerciseId);
		}
		return find(member, exerciseId);
	}

	private static String checked(String text) {
		String value = text == null ? "" : text;
		if (value.length() > MAX_LENGTH) {
			throw new ReflectionTooLongException(value.length());
		}
		return value;
	}

}
