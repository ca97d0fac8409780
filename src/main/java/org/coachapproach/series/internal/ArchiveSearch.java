package org.coachapproach.series.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.SeriesCategory;
import org.coachapproach.curriculum.SeriesSession;

import org.springframework.stereotype.Component;

/**
 * Searches the CFDS archive. The catalog is small and immutable, so a scan over text folded
 * once at start-up is both simple and fast (microseconds for a few hundred sessions).
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

	private final List<Indexed> sessions;

	ArchiveSearch(Curriculum curriculum) {
		this.sessions = curriculum.series().stream()
			.sorted(Comparator.comparing(SeriesSession::startsAt).reversed())
			.map(s -> new Indexed(s, fold(s.title() + "\n" + s.presenter() + "\n" + s.summary())))
			.toList();
	}

	/** Matching sessions, most recent first; every word of the text must appear. */
	public List<SeriesSession> find(Query query) {
		List<String> words = query.text() == null ? List.of() : List.of(fold(query.text()).split("\\s+"));
		return this.sessions.stream()
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
