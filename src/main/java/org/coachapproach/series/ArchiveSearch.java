package org.coachapproach.series;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.coachapproach.curriculum.SeriesCategory;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.people.ProgramId;

import org.springframework.stereotype.Component;

/**
 * Searches the CFDS archive: the sessions already held, from the schedule (file and staff
 * changes). The catalog is small, so a scan over folded text is simple and fast (microseconds
 * for a few hundred sessions); folded text is kept per session version.
 */
@Component
public class ArchiveSearch {

	/** A search: every part optional. */
	public record Query(String text, SeriesCategory category, LocalDate from, LocalDate to) {

		public Query {
			text = text == null || text.isBlank() ? null : text.strip();
		}

	}

	private record Indexed(SeriesSession session, String text) {
	}

	private final SeriesSchedule schedule;

	private final Map<SeriesSession, String> folded = new ConcurrentHashMap<>();

	ArchiveSearch(SeriesSchedule schedule) {
		this.schedule = schedule;
	}

	/** Matching sessions, most recent first; every word of the text must appear. */
	public List<SeriesSession> find(ProgramId program, Query query) {
		List<String> words = query.text() == null ? List.of() : List.of(fold(query.text()).split("\\s+"));
		if (this.folded.size() > 10_000) {
			this.folded.clear();
		}
		List<Indexed> sessions = this.schedule.held(program)
			.stream()
			.sorted(Comparator.comparing(SeriesSession::startsAt).reversed())
			.map(s -> new Indexed(s, this.folded.computeIfAbsent(s,
					x -> fold(x.title() + "\n" + x.presenter() + "\n" + x.summary()))))
			.toList();
		return sessions.stream()
			.filter(i -> query.category() == null || i.session().category() == query.category())
			.filter(i -> query.from() == null || !i.session().date().isBefore(query.from()))
			.filter(i -> query.to() == null || !i.session().date().isAfter(query.to()))
			.filter(i -> words.stream().allMatch(i.text()::contains))
			.map(Indexed::session)
			.toList();
	}

	private static String fold(String text) {
		return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT);
	}

}
