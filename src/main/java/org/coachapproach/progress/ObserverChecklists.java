package org.coachapproach.progress;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.people.Member;

import org.springframework.stereotype.Service;

/** Checklists an observer fills for colleagues in a triad: the observer's own record. */
@Service
public class ObserverChecklists {

	public static final int MAX_COLLEAGUE_LENGTH = 200;

	public static final int MAX_NOTES_LENGTH = 5_000;

	private final ObserverChecklistRecords records;

	private final Curriculum curriculum;

	private final java.time.Clock clock;

	ObserverChecklists(ObserverChecklistRecords records, Curriculum curriculum, java.time.Clock clock) {
		this.records = records;
		this.curriculum = curriculum;
		this.clock = clock;
	}

	/** The member's checklists for an exercise, most recent first. */
	public List<ObserverChecklist> of(Member member, String exerciseId) {
		Progress.requireCourse(member);
		return this.records.of(member.person(), member.course(), exerciseId)
			.stream()
			.map(r -> new ObserverChecklist(exerciseId, r.colleague(), parse(r.checkedItems()), r.notes(), r.updatedAt()))
			.toList();
	}

	/**
	 * Saves (or replaces) the checklist for a colleague. Item numbers outside the exercise's
	 * checklist are ignored; the caller checks the colleague's name and the notes' length.
	 */
	public void save(Member member, String exerciseId, String colleague, Set<Integer> checked, String notes) {
		Progress.requireCourse(member);
		int items = this.curriculum.exercise(exerciseId).orElseThrow().observerChecklist().size();
		String stored = checked.stream()
			.filter(i -> i >= 0 && i < items)
			.sorted()
			.map(String::valueOf)
			.collect(Collectors.joining(","));
		this.records.save(member.person(), member.course(), exerciseId, colleague.strip(), stored, notes,
				this.clock.instant(), this.curriculum.contentHash());
	}

	private static Set<Integer> parse(String items) {
		if (items == null || items.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(items.split(",")).map(Integer::valueOf).collect(Collectors.toSet());
	}

}
