package org.coachapproach.assessment.internal.report;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

import org.coachapproach.assessment.SurveyAdministration;
import org.coachapproach.assessment.internal.responses.AnswerCodec;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.Option;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.CourseId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a course's submitted responses for reports, streaming one row per respondent and
 * wave in key order and packing answers into arrays as it goes: no object per answer, and
 * no pseudonym leaves this package (only {@link PublishedCells} sees them, to remember who a
 * figure was published over).
 * <p>
 * Answers given in the tool count in no figure, counts of respondents included, until
 * {@link ReleaseBatches} has released them in a batch of at least {@link Suppression#MIN_CELL}:
 * otherwise comparing the report before and after one person submits would show that
 * person's answers. Imported and synthetic answers do not arrive one person at a time and
 * are never held.
 */
@Component
public class CohortReader {

	/** The instrument whose once-asked questions define subgroups. */
	public static final String DEMOGRAPHICS = "demographics";

	/**
	 * The course's own cohort: those who answer in the tool (and the demo's synthetic one).
	 * Earlier cohorts imported into the course carry their label (for example {@code 2022-2023})
	 * and enter only the comparison of cohorts.
	 */
	public static final String OWN = "";

	private static final int FETCH = 1000;

	private final JdbcTemplate jdbc;

	private final SurveyAdministration administration;

	CohortReader(DataSource dataSource, SurveyAdministration administration) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(FETCH);
		this.administration = administration;
	}

	/**
	 * Pairs each respondent's two waves of an instrument.
	 * @param keys the answer keys to read (scale items, and {@code then-} keys of the second wave)
	 * @param subgroups the subgroup questions (from demographics) to attach, with their groups in order
	 */
	public PairedAnswers paired(CourseId course, Instrument instrument, Wave firstWave, Wave secondWave, List<String> keys,
			List<Subgroup> subgroups) {
		return paired(course, OWN, instrument, firstWave, secondWave, keys, subgroups);
	}

	/** As {@link #paired(CourseId, Instrument, Wave, Wave, List, List)}, for one cohort of the course. */
	public PairedAnswers paired(CourseId course, String cohort, Instrument instrument, Wave firstWave, Wave secondWave,
			List<String> keys, List<Subgroup> subgroups) {
		Map<ByteBuffer, byte[]> groups = subgroups.isEmpty() ? Map.of() : groups(course, cohort, subgroups);
		KeyIndex index = new KeyIndex(keys);
		PairedAnswers paired = new PairedAnswers(keys, subgroups.size());
		byte[] none = new byte[subgroups.size()];
		byte[][] current = { new byte[keys.size()], new byte[keys.size()] };
		boolean[] seen = new boolean[2];
		boolean[] inTool = new boolean[1];
		byte[][] respondent = { null };
		this.jdbc.query("""
				SELECT respondent, wave, answers, origin FROM assessment_response
				WHERE course_id = ? AND instrument_id = ? AND wave IN (?, ?) AND cohort = ? AND submitted"""
				+ ReleaseBatches.RELEASED + " ORDER BY respondent, wave", (ResultSet rs) -> {
			byte[] who = rs.getBytes(1);
			if (respondent[0] == null || !Arrays.equals(who, respondent[0])) {
				flush(paired, current, seen, inTool, respondent[0], groups, none);
				respondent[0] = who;
			}
			inTool[0] |= "TOOL".equals(rs.getString(4));
			int slot = rs.getString(2).equals(firstWave.label()) ? 0 : 1;
			seen[slot] = true;
			unpackScale(rs.getString(3), index, current[slot]);
		}, course.value(), instrument.id(), firstWave.label(), secondWave.label(), cohort);
		flush(paired, current, seen, inTool, respondent[0], groups, none);
		return paired;
	}

	private static void flush(PairedAnswers paired, byte[][] current, boolean[] seen, boolean[] inTool, byte[] respondent,
			Map<ByteBuffer, byte[]> groups, byte[] none) {
		if (seen[0] && seen[1]) {
			paired.add(current[0], current[1], groups.getOrDefault(ByteBuffer.wrap(respondent), none), inTool[0], respondent);
		}
		inTool[0] = false;
		seen[0] = false;
		seen[1] = false;
		Arrays.fill(current[0], (byte) 0);
		Arrays.fill(current[1], (byte) 0);
	}

	/** Writes each known key's value (1 to 127) into {@code values}; other keys are skipped. */
	static void unpackScale(String packed, KeyIndex index, byte[] values) {
		AnswerCodec.forEachAt(packed, (start, eq, end) -> {
			int i = index.find(packed, start, eq);
			if (i >= 0) {
				int value = 0;
				for (int c = eq + 1; c < end; c++) {
					char d = packed.charAt(c);
					value = d >= '0' && d <= '9' && value < 100 ? value * 10 + (d - '0') : -1;
					if (value < 0) {
						break;
					}
				}
				values[i] = value > 0 && value < 128 ? (byte) value : 0;
			}
		});
	}

	/**
	 * Finds an answer key's position from a region of the packed text without cutting it out:
	 * an open-addressing table on the region's hash, checked with {@code regionMatches}. A
	 * report reads over a million keys; this keeps it free of allocation.
	 */
	static final class KeyIndex {

		private final String[] keys;

		private final int[] slots;

		private final int mask;

		KeyIndex(List<String> keys) {
			this.keys = keys.toArray(String[]::new);
			int size = Integer.highestOneBit(Math.max(4, keys.size() * 4) - 1) << 1;
			this.slots = new int[size];
			this.mask = size - 1;
			Arrays.fill(this.slots, -1);
			for (int i = 0; i < this.keys.length; i++) {
				int slot = this.keys[i].hashCode() & this.mask;
				while (this.slots[slot] >= 0) {
					slot = (slot + 1) & this.mask;
				}
				this.slots[slot] = i;
			}
		}

		int find(String text, int from, int to) {
			int hash = 0;
			for (int c = from; c < to; c++) {
				hash = 31 * hash + text.charAt(c);
			}
			int length = to - from;
			for (int slot = hash & this.mask; this.slots[slot] >= 0; slot = (slot + 1) & this.mask) {
				String key = this.keys[this.slots[slot]];
				if (key.length() == length && text.regionMatches(from, key, 0, length)) {
					return this.slots[slot];
				}
			}
			return -1;
		}

	}

	private Map<ByteBuffer, byte[]> groups(CourseId course, String cohort, List<Subgroup> subgroups) {
		Map<ByteBuffer, byte[]> groups = new HashMap<>();
		this.jdbc.query("""
				SELECT respondent, answers FROM assessment_response
				WHERE course_id = ? AND instrument_id = ? AND wave = 'once' AND cohort = ? AND submitted"""
						+ ReleaseBatches.RELEASED,
				(ResultSet rs) -> {
			Map<String, String> answers = AnswerCodec.unpack(rs.getString(2));
			byte[] row = new byte[subgroups.size()];
			for (int g = 0; g < subgroups.size(); g++) {
				row[g] = (byte) subgroups.get(g).indexOf(answers.get(subgroups.get(g).item().id()));
			}
			groups.put(ByteBuffer.wrap(rs.getBytes(1)), row);
		}, course.value(), DEMOGRAPHICS, cohort);
		return groups;
	}

	/**
	 * One wave's answers, one entry per respondent: per scale item the answer ({@code NaN}
	 * where unanswered), per choice item the option's index ({@code -1} where unanswered), per
	 * text item the text ({@code null} where unanswered). Kept per respondent, not counted,
	 * because {@link PublishedCells} decides per item whom its figure counts.
	 */
	public WaveAnswers answers(CourseId course, Instrument instrument, Wave wave) {
		return answers(course, OWN, instrument, wave);
	}

	/** As {@link #answers(CourseId, Instrument, Wave)}, for one cohort of the course. */
	public WaveAnswers answers(CourseId course, String cohort, Instrument instrument, Wave wave) {
		List<Item> items = instrument.itemsIn(wave);
		Map<String, Item> byId = new HashMap<>();
		items.forEach(i -> byId.put(i.id(), i));
		Map<String, double[]> scales = new LinkedHashMap<>();
		Map<String, int[]> choices = new LinkedHashMap<>();
		Map<String, String[]> texts = new LinkedHashMap<>();
		for (Item item : items) {
			switch (item.type()) {
				case SCALE -> scales.put(item.id(), new double[64]);
				case CHOICE -> choices.put(item.id(), new int[64]);
				case TEXT -> texts.put(item.id(), new String[64]);
			}
		}
		int[] respondents = { 0 };
		List<ByteBuffer> inTool = new ArrayList<>();
		this.jdbc.query("""
				SELECT answers, origin, respondent FROM assessment_response
				WHERE course_id = ? AND instrument_id = ? AND wave = ? AND cohort = ? AND submitted"""
				+ ReleaseBatches.RELEASED, (ResultSet rs) -> {
			int r = respondents[0]++;
			inTool.add("TOOL".equals(rs.getString(2)) ? ByteBuffer.wrap(rs.getBytes(3)) : null);
			scales.replaceAll((key, values) -> {
				double[] grown = r < values.length ? values : Arrays.copyOf(values, values.length * 2);
				grown[r] = Double.NaN;
				return grown;
			});
			choices.replaceAll((key, values) -> {
				int[] grown = r < values.length ? values : Arrays.copyOf(values, values.length * 2);
				grown[r] = -1;
				return grown;
			});
			texts.replaceAll((key, values) -> r < values.length ? values : Arrays.copyOf(values, values.length * 2));
			AnswerCodec.unpack(rs.getString(1)).forEach((key, value) -> {
				Item item = byId.get(key);
				if (item == null) {
					return;
				}
				switch (item.type()) {
					case TEXT -> texts.get(key)[r] = value;
					case SCALE -> {
						int v = parse(value);
						if (item.scale().contains(v)) {
							scales.get(key)[r] = v;
						}
					}
					case CHOICE -> choices.get(key)[r] = item.options().stream().map(Option::value).toList().indexOf(value);
				}
			});
		}, course.value(), instrument.id(), wave.label(), cohort);
		int n = respondents[0];
		scales.replaceAll((key, values) -> Arrays.copyOf(values, n));
		choices.replaceAll((key, values) -> Arrays.copyOf(values, n));
		texts.replaceAll((key, values) -> Arrays.copyOf(values, n));
		return new WaveAnswers(n, inTool.toArray(ByteBuffer[]::new), scales, choices, texts);
	}

	/** Respondents counted for a figure: all of them, and those who answered in the tool. */
	public record Respondents(int all, int inTool) {

		public static final Respondents NONE = new Respondents(0, 0);

	}

	/** Submitted responses per wave of an instrument, and how many respondents submitted both {@code a} and {@code b}. */
	public Map<Wave, Respondents> respondents(CourseId course, String instrumentId) {
		return respondents(course, OWN, instrumentId);
	}

	/** As {@link #respondents(CourseId, String)}, for one cohort of the course. */
	public Map<Wave, Respondents> respondents(CourseId course, String cohort, String instrumentId) {
		Map<Wave, Respondents> counts = new TreeMap<>();
		this.jdbc.query("""
				SELECT wave, COUNT(*), SUM(origin = 'TOOL') FROM assessment_response
				WHERE course_id = ? AND instrument_id = ? AND cohort = ? AND submitted""" + ReleaseBatches.RELEASED + """
				GROUP BY wave""", (ResultSet rs) -> {
			Respondents n = new Respondents(rs.getInt(2), rs.getInt(3));
			Wave.fromLabel(rs.getString(1)).ifPresent(w -> counts.put(w, n));
		}, course.value(), instrumentId, cohort);
		return counts;
	}

	/**
	 * The respondents who submitted both {@code a} and {@code b}: one entry each, the pseudonym
	 * of those who answered in the tool and {@code null} for imported and synthetic ones. Only
	 * for {@link PublishedCells}, which decides who of them the count may include.
	 */
	java.nio.ByteBuffer[] respondentsOfBoth(CourseId course, String instrumentId, Wave a, Wave b) {
		return respondentsOfBoth(course, OWN, instrumentId, a, b);
	}

	java.nio.ByteBuffer[] respondentsOfBoth(CourseId course, String cohort, String instrumentId, Wave a, Wave b) {
		List<java.nio.ByteBuffer> both = new ArrayList<>();
		this.jdbc.query("""
				SELECT respondent, MAX(origin = 'TOOL') FROM assessment_response
				WHERE course_id = ? AND instrument_id = ? AND wave IN (?, ?) AND cohort = ? AND submitted"""
				+ ReleaseBatches.RELEASED + """
				GROUP BY respondent HAVING COUNT(*) = 2""", (ResultSet rs) -> {
			both.add(rs.getBoolean(2) ? java.nio.ByteBuffer.wrap(rs.getBytes(1)) : null);
		}, course.value(), instrumentId, a.label(), b.label(), cohort);
		return both.toArray(java.nio.ByteBuffer[]::new);
	}

	/** The cohorts other than the course's own with responses to the instrument, in order (labels sort by year). */
	public List<String> importedCohorts(CourseId course, String instrumentId) {
		return this.jdbc.queryForList("""
				SELECT DISTINCT cohort FROM assessment_response
				WHERE course_id = ? AND instrument_id = ? AND cohort <> '' AND submitted ORDER BY cohort""", String.class,
				course.value(), instrumentId);
	}

	/** Whether the course's responses include the demo's synthetic cohort. */
	public boolean hasSynthetic(CourseId course) {
		Integer found = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM (SELECT 1 FROM assessment_response WHERE course_id = ? AND origin = 'SYNTHETIC' LIMIT 1) s",
				Integer.class, course.value());
		return found != null && found > 0;
	}

	private static int parse(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * A subgroup question and the groups its options fall into, in order; an answer outside
	 * them ("prefer not to say", or none) is group 0.
	 */
	public record Subgroup(Item item, List<String> groupIds, List<String> groupLabels) {

		public static Subgroup of(Item item) {
			List<String> ids = new ArrayList<>();
			List<String> labels = new ArrayList<>();
			if (!item.groups().isEmpty()) {
				item.groups().forEach(g -> {
					ids.add(g.value());
					labels.add(g.label());
				});
			}
			else {
				item.options().stream().filter(o -> !o.value().equals(Option.PREFER_NOT_TO_SAY)).forEach(o -> {
					ids.add(o.value());
					labels.add(o.label());
				});
			}
			return new Subgroup(item, ids, labels);
		}

		int indexOf(String answer) {
			if (answer == null) {
				return 0;
			}
			String group = this.item.option(answer).map(o -> o.group() != null ? o.group() : o.value()).orElse(null);
			return group == null ? 0 : this.groupIds.indexOf(group) + 1;
		}

	}

	/**
	 * One wave's answers per respondent (see {@link #answers}); {@code inTool} holds the pseudonym
	 * of those who answered in the tool, {@code null} for imported and synthetic ones. The
	 * pseudonyms are only for {@link PublishedCells}; no report shows them.
	 */
	public record WaveAnswers(int respondents, ByteBuffer[] inTool, Map<String, double[]> scales, Map<String, int[]> choices,
			Map<String, String[]> texts) {

		public int respondentsInTool() {
			int n = 0;
			for (ByteBuffer who : this.inTool) {
				n += who != null ? 1 : 0;
			}
			return n;
		}

		/** Whether respondent {@code r} answered the item. */
		boolean answered(Item item, int r) {
			return switch (item.type()) {
				case SCALE -> !Double.isNaN(this.scales.get(item.id())[r]);
				case CHOICE -> this.choices.get(item.id())[r] >= 0;
				case TEXT -> this.texts.get(item.id())[r] != null;
			};
		}

	}

}
