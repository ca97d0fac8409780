package org.coachapproach.progress;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachapproach.curriculum.Competency;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Exercise;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.Member;
import org.coachapproach.people.People;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramRole;
import org.coachapproach.people.RosterEntry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An observer's ratings of a colleague on every ICF competency, in an exercise with
 * {@link Exercise#competencyRatings()} (the session 7 capstone). Only a mentor of the course
 * rates, only another mentor of the same course, once per exercise; the ratings belong to the
 * rated mentor's competency profile and are never changed.
 */
@Service
public class CompetencyRatings {

	/** Not observed; the rated points are 1 (emerging) to {@link #HIGHEST}. */
	public static final int NOT_OBSERVED = 0;

	public static final int HIGHEST = 3;

	private final CompetencyRatingRecords records;

	private final Curriculum curriculum;

	private final People people;

	private final Clock clock;

	CompetencyRatings(CompetencyRatingRecords records, Curriculum curriculum, People people, Clock clock) {
		this.records = records;
		this.curriculum = curriculum;
		this.people = people;
		this.clock = clock;
	}

	/** The colleagues the member may rate in the exercise, by name: the course's other mentors not yet rated. */
	public List<RosterEntry> colleaguesToRate(Member observer, String exerciseId) {
		Progress.requireCourse(observer);
		if (!isMentor(observer)) {
			return List.of();
		}
		Set<Long> rated = Set.copyOf(rated(observer, exerciseId));
		return mentors(observer.course()).stream()
			.filter(m -> !m.person().equals(observer.person()) && !rated.contains(m.person().value()))
			.toList();
	}

	/** The colleagues the member already rated in the exercise, by name. */
	public List<RosterEntry> colleaguesRated(Member observer, String exerciseId) {
		Progress.requireCourse(observer);
		Set<Long> rated = Set.copyOf(rated(observer, exerciseId));
		return this.people.roster(observer.course()).stream().filter(m -> rated.contains(m.person().value())).toList();
	}

	/**
	 * Records the observer's ratings of a colleague, one per competency (0 not observed, 1 to 3).
	 * @throws RatingRefusedException when the observer is not a mentor of the course, the colleague
	 * is not another mentor of it, a competency is unrated or out of range, or the observer already
	 * rated this colleague in this exercise
	 */
	@Transactional
	public void rate(Member observer, String exerciseId, PersonId colleague, Map<String, Integer> ratings) {
		Progress.requireCourse(observer);
		Exercise exercise = this.curriculum.exercise(exerciseId)
			.filter(Exercise::competencyRatings)
			.orElseThrow(() -> new IllegalArgumentException("no competency ratings in " + exerciseId));
		if (!isMentor(observer)) {
			throw new RatingRefusedException("not-a-mentor");
		}
		if (colleague == null || colleague.equals(observer.person()) || mentors(observer.course()).stream()
			.noneMatch(m -> m.person().equals(colleague))) {
			throw new RatingRefusedException("colleague");
		}
		List<String> competencies = this.curriculum.competencies().stream().map(Competency::id).toList();
		if (!exercise.competencyIds().containsAll(competencies) || ratings.size() != competencies.size()
				|| !competencies.stream().allMatch(c -> validRating(ratings.get(c)))) {
			throw new RatingRefusedException("incomplete");
		}
		java.time.Instant now = this.clock.instant();
		try {
			for (String competency : competencies) {
				this.records.insert(observer.course(), exerciseId, observer.person(), colleague, competency,
						ratings.get(competency), now, this.curriculum.contentHash());
			}
		}
		catch (DuplicateKeyException ex) {
			// The transaction rolls back: a second submission adds nothing and changes nothing.
			throw new RatingRefusedException("already-rated");
		}
	}

	/** Every rating the mentor received in their course, by competency id in the competencies' order. */
	public Map<String, List<ReceivedRating>> receivedBy(PersonId mentor, CourseId course) {
		Map<String, List<ReceivedRating>> byCompetency = new LinkedHashMap<>();
		this.curriculum.competencies().forEach(c -> byCompetency.put(c.id(), new java.util.ArrayList<>()));
		this.records.receivedBy(mentor, course)
			.forEach(r -> byCompetency.computeIfAbsent(r.competencyId(), k -> new java.util.ArrayList<>()).add(r));
		return byCompetency;
	}

	/**
	 * Per competency, each rated mentor's mean rating (ratings of "not observed" left out), for
	 * course aggregates; a mentor with only "not observed" for a competency is not in its list.
	 */
	public Map<String, List<Double>> mentorMeans(CourseId course) {
		Map<String, List<Double>> byCompetency = new LinkedHashMap<>();
		this.curriculum.competencies().forEach(c -> byCompetency.put(c.id(), new java.util.ArrayList<>()));
		this.records.mentorMeans(course)
			.forEach(e -> byCompetency.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
		return byCompetency;
	}

	private List<Long> rated(Member observer, String exerciseId) {
		return this.records.ratedBy(observer.course(), exerciseId, observer.person());
	}

	/** The course's active mentors, as the roster says today (not the launch's claim alone). */
	private List<RosterEntry> mentors(CourseId course) {
		return this.people.roster(course).stream().filter(m -> m.programRole() == ProgramRole.MENTOR).toList();
	}

	/** Whether the member may rate colleagues: a mentor of the course, as its roster says today. */
	public boolean mayRate(Member member) {
		return member.course() != null && isMentor(member);
	}

	private boolean isMentor(Member member) {
		return mentors(member.course()).stream().anyMatch(m -> m.person().equals(member.person()));
	}

	private static boolean validRating(Integer rating) {
		return rating != null && rating >= NOT_OBSERVED && rating <= HIGHEST;
	}

	/** One rating received: 0 not observed, 1 to {@link #HIGHEST}. */
	public record ReceivedRating(String competencyId, String exerciseId, int rating, Instant ratedAt) {

		public boolean observed() {
			return this.rating > NOT_OBSERVED;
		}

	}

}
