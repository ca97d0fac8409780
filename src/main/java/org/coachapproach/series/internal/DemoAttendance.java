package org.coachapproach.series.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.series.FacultyRank;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SYNTHETIC attendance for the demo: the 2022-2023 series' 39 sessions filled with made-up
 * attendees (per-session counts from {@code series/demo-attendance-2022-2023.csv}), so that a
 * newcomer sees the attendance report filled in. Loaded at start-up with the demo platform on,
 * once: nothing happens when synthetic records exist already. Every record is marked synthetic
 * and the report says so.
 */
@Component
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class DemoAttendance implements ApplicationRunner {

	static final String COUNTS = "series/demo-attendance-2022-2023.csv";

	/** Unique attendees and their ranks, as the program reported them (44 % / 34 % / 22 % of 239). */
	static final int ASSISTANT = 105;

	static final int ASSOCIATE = 81;

	static final int FULL = 53;

	private static final Logger log = LoggerFactory.getLogger(DemoAttendance.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Curriculum curriculum;

	DemoAttendance(JdbcTemplate jdbc, TransactionTemplate transactions, Curriculum curriculum) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.curriculum = curriculum;
	}

	@Override
	public void run(ApplicationArguments args) {
		load();
	}

	/** @return the records added (0 when the synthetic record is there already) */
	int load() {
		Integer existing = this.jdbc.queryForObject("SELECT COUNT(*) FROM series_attendance WHERE synthetic = TRUE",
				Integer.class);
		if (existing != null && existing > 0) {
			return 0;
		}
		Map<SeriesSession, Integer> counts = counts();
		List<Object[]> rows = rows(counts);
		this.transactions.executeWithoutResult(status -> this.jdbc.batchUpdate("""
				INSERT IGNORE INTO series_attendance
				    (series_session_id, attendee_key, faculty_rank, source, first_seen_at, minutes, synthetic)
				VALUES (?, ?, ?, 'IMPORT', ?, ?, TRUE)""", rows));
		log.info("Loaded SYNTHETIC demo attendance: {} records over {} CFDS sessions", rows.size(), counts.size());
		return rows.size();
	}

	/** Every attendee attends at least once; the rest of each session's seats go to the keenest. */
	private static List<Object[]> rows(Map<SeriesSession, Integer> counts) {
		Random random = new Random(2022);
		List<FacultyRank> ranks = new ArrayList<>();
		ranks.addAll(Collections.nCopies(ASSISTANT, FacultyRank.ASSISTANT));
		ranks.addAll(Collections.nCopies(ASSOCIATE, FacultyRank.ASSOCIATE));
		ranks.addAll(Collections.nCopies(FULL, FacultyRank.FULL));
		Collections.shuffle(ranks, random);
		int people = ranks.size();
		double[] keenness = new double[people];
		for (int i = 0; i < people; i++) {
			keenness[i] = -Math.log(1 - random.nextDouble());
		}
		List<SeriesSession> sessions = new ArrayList<>(counts.keySet());
		List<List<Integer>> seats = new ArrayList<>();
		sessions.forEach(s -> seats.add(new ArrayList<>()));
		for (int person = 0; person < people; person++) {
			int emptiest = 0;
			for (int s = 1; s < sessions.size(); s++) {
				if (counts.get(sessions.get(s)) - seats.get(s).size() > counts.get(sessions.get(emptiest))
						- seats.get(emptiest).size()) {
					emptiest = s;
				}
			}
			seats.get(emptiest).add(person);
		}
		List<Object[]> rows = new ArrayList<>();
		for (int s = 0; s < sessions.size(); s++) {
			SeriesSession session = sessions.get(s);
			List<Integer> in = seats.get(s);
			while (in.size() < Math.min(counts.get(session), people)) {
				double total = 0;
				for (int p = 0; p < people; p++) {
					total += in.contains(p) ? 0 : keenness[p];
				}
				double pick = random.nextDouble() * total;
				for (int p = 0; p < people; p++) {
					if (!in.contains(p) && (pick -= keenness[p]) <= 0) {
						in.add(p);
						break;
					}
				}
			}
			for (int p : in) {
				rows.add(new Object[] { session.id(), String.format("s:demo-attendee-%03d", p + 1), ranks.get(p).name(),
						Timestamp.from(session.startsAt().toInstant().plusSeconds(random.nextInt(-300, 900))),
						30 + random.nextInt(31) });
			}
		}
		return rows;
	}

	/** The counts file's sessions that the curriculum has, in its order. */
	private Map<SeriesSession, Integer> counts() {
		Map<SeriesSession, Integer> counts = new LinkedHashMap<>();
		try (InputStream in = DemoAttendance.class.getClassLoader().getResourceAsStream(COUNTS);
				BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			lines.lines()
				.filter(l -> !l.startsWith("#") && !l.isBlank() && !l.startsWith("series_session_id"))
				.map(l -> l.split(","))
				.forEach(cells -> this.curriculum.seriesSession(cells[0].strip())
					.ifPresent(s -> counts.put(s, Integer.parseInt(cells[1].strip()))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return counts;
	}

}
