package org.coachapproach.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coachapproach.people.CourseId;
import org.coachapproach.people.Member;

import org.springframework.stereotype.Service;

/**
 * The program's meeting figures for staff: how many mentors and mentees met at least once,
 * meetings per pair, and how many pairs meet monthly or quarterly. Counts come from the
 * meeting log only (never its notes); a meeting both people logged counts once (distinct
 * dates per pair). Small cells are suppressed as in the survey reports: a share is hidden when
 * fewer than {@value #MIN_CELL} people are counted in it or left out of it, or fewer than
 * {@value #MIN_CELL} are in the group, so that nobody's own meetings can be read off it.
 */
@Service
public class MeetingFigures {

	public static final int MIN_CELL = 5;

	private static final double DAYS_PER_MONTH = 365.25 / 12;

	private final PairQueries queries;

	private final Clock clock;

	MeetingFigures(PairQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	/** @throws MatchingRefusedException for anyone but staff */
	public Figures of(Member staff) {
		if (!Matching.mayMatch(staff)) {
			throw new MatchingRefusedException("notStaff");
		}
		return of(staff.course());
	}

	Figures of(CourseId course) {
		List<PairCount> pairs = this.queries.meetingDays(course);
		Map<Long, Boolean> mentors = new HashMap<>();
		Map<Long, Boolean> mentees = new HashMap<>();
		int monthly = 0;
		int quarterly = 0;
		List<Integer> counts = new ArrayList<>();
		Instant now = this.clock.instant();
		for (PairCount p : pairs) {
			mentors.merge(p.mentor(), p.meetings() > 0, Boolean::logicalOr);
			mentees.merge(p.mentee(), p.meetings() > 0, Boolean::logicalOr);
			double months = Math.max(1, Duration.between(p.publishedAt(), now).toDays() / DAYS_PER_MONTH);
			if (p.meetings() >= months) {
				monthly++;
			}
			if (p.meetings() >= months / 3) {
				quarterly++;
			}
			counts.add(p.meetings());
		}
		return new Figures(pairs.size(), share(count(mentors), mentors.size()), share(count(mentees), mentees.size()),
				perPair(counts), share(monthly, pairs.size()), share(quarterly, pairs.size()));
	}

	static Share share(int count, int total) {
		boolean suppressed = total < MIN_CELL || (count > 0 && count < MIN_CELL)
				|| (total - count > 0 && total - count < MIN_CELL);
		if (suppressed) {
			return new Share(null, null, null, true);
		}
		return new Share(count, total, String.format(Locale.ROOT, "%.0f", 100.0 * count / total), false);
	}

	private static MeetingsPerPair perPair(List<Integer> counts) {
		if (counts.size() < MIN_CELL) {
			return new MeetingsPerPair(null, null, true);
		}
		List<Integer> sorted = counts.stream().sorted().toList();
		int n = sorted.size();
		double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
		double mean = sorted.stream().mapToInt(Integer::intValue).average().orElse(0);
		return new MeetingsPerPair(String.format(Locale.ROOT, "%.1f", mean), String.format(Locale.ROOT, "%.1f", median),
				false);
	}

	private static int count(Map<Long, Boolean> met) {
		return (int) met.values().stream().filter(Boolean::booleanValue).count();
	}

	record PairCount(long mentor, long mentee, Instant publishedAt, int meetings) {
	}

	/**
	 * @param mentorsMet mentors with at least one meeting (in any of their pairs)
	 * @param monthly pairs that met at least once a month on average since publication
	 * @param quarterly pairs that met at least once a quarter on average (monthly ones included)
	 */
	public record Figures(int pairs, Share mentorsMet, Share menteesMet, MeetingsPerPair meetingsPerPair, Share monthly,
			Share quarterly) {
	}

	/** A share, or suppressed (all {@code null}) when it would expose a small group. */
	public record Share(Integer count, Integer total, String percent, boolean suppressed) {
	}

	public record MeetingsPerPair(String mean, String median, boolean suppressed) {
	}

}
