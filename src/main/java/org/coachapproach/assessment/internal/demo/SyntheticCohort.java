package org.coachapproach.assessment.internal.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.coachapproach.assessment.internal.imports.CohortWriter;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.ItemType;
import org.coachapproach.curriculum.Instrument.Wave;

/**
 * A SYNTHETIC cohort for the demo course: 43 mentors and 37 mentees with pre and post
 * answers, mentor and mentee feedback and a CFDS survey of 99, drawn with a fixed seed so that the
 * figures resemble the published evaluation (knowledge gains of about 0.7 to 0.9 points,
 * confidence about 0.5, small changes in coaching behaviours and climate, 43 % / 43 %
 * "very" / "somewhat helpful", about 70 % agreeing the CFDS helped). None of it is anyone's
 * answer; every row is stored with origin SYNTHETIC and the report says so.
 */
public final class SyntheticCohort {

	public static final int MENTORS = 43;

	public static final int MENTEES = 37;

	public static final int CFDS_RESPONDENTS = 99;

	private static final long SEED = 20220913L;

	private final Curriculum curriculum;

	private final Function<String, byte[]> pseudonym;

	private final Random random;

	/** The share of the published gains this cohort shows (1 for the demo's own cohort). */
	private final double gains;

	/** @param pseudonym the stored key of a synthetic respondent's code */
	public SyntheticCohort(Curriculum curriculum, Function<String, byte[]> pseudonym) {
		this(curriculum, pseudonym, SEED, 1);
	}

	/**
	 * Another year's synthetic cohort, for the demo's comparison of cohorts: drawn with its own
	 * {@code seed}, its pre/post gains {@code gains} times the published ones.
	 */
	public SyntheticCohort(Curriculum curriculum, Function<String, byte[]> pseudonym, long seed, double gains) {
		this.curriculum = curriculum;
		this.pseudonym = pseudonym;
		this.random = new Random(seed);
		this.gains = gains;
	}

	public List<CohortWriter.Submitted> responses() {
		List<CohortWriter.Submitted> all = new ArrayList<>();
		Instrument mentor = instrument("mentor-prepost");
		Instrument mentee = instrument("mentee-prepost");
		Instrument feedback = instrument("mentor-post");
		Instrument menteeFeedback = instrument("mentee-post");
		Instrument demographics = instrument("demographics");
		for (int i = 0; i < MENTORS; i++) {
			String code = String.format("synthetic-mentor-%02d", i + 1);
			boolean pre = i < 39;
			boolean post = i >= 6 && i < 41;
			double trait = this.random.nextGaussian() * 0.45;
			Map<String, String> preAnswers = new LinkedHashMap<>();
			Map<String, String> postAnswers = new LinkedHashMap<>();
			for (Item item : mentor.items()) {
				double[] p = mentorItem(item.id());
				double before = p[0] + trait + this.random.nextGaussian() * 0.65;
				double after = before + p[1] * this.gains + this.random.nextGaussian() * 0.55;
				preAnswers.put(item.id(), point(before));
				postAnswers.put(item.id(), point(after));
			}
			if (pre) {
				all.add(new CohortWriter.Submitted(key(code), mentor.id(), Wave.PRE, preAnswers));
			}
			if (post) {
				all.add(new CohortWriter.Submitted(key(code), mentor.id(), Wave.POST, postAnswers));
				all.add(new CohortWriter.Submitted(key(code), feedback.id(), Wave.POST, feedback(i - 6)));
			}
			if (pre || post) {
				all.add(new CohortWriter.Submitted(key(code), demographics.id(), Wave.ONCE, demographics(true)));
			}
		}
		for (int i = 0; i < MENTEES; i++) {
			String code = String.format("synthetic-mentee-%02d", i + 1);
			boolean pre = i < 33;
			boolean post = i >= 8 && i < 34;
			double trait = this.random.nextGaussian() * 0.45;
			Map<String, String> preAnswers = new LinkedHashMap<>();
			Map<String, String> postAnswers = new LinkedHashMap<>();
			for (Item item : mentee.items()) {
				if (item.type() != ItemType.SCALE) {
					continue;
				}
				double[] p = menteeItem(item.id());
				double before = p[0] + trait + this.random.nextGaussian() * 0.7;
				double after = before + p[1] * this.gains + this.random.nextGaussian() * 0.6;
				preAnswers.put(item.id(), point(before));
				postAnswers.put(item.id(), point(after));
			}
			if (post && i % 2 == 0) {
				postAnswers.put("mentee-comments", "(synthetic) " + MENTEE_COMMENTS[(i / 2) % MENTEE_COMMENTS.length]);
			}
			if (pre) {
				all.add(new CohortWriter.Submitted(key(code), mentee.id(), Wave.PRE, preAnswers));
			}
			if (post) {
				all.add(new CohortWriter.Submitted(key(code), mentee.id(), Wave.POST, postAnswers));
				all.add(new CohortWriter.Submitted(key(code), menteeFeedback.id(), Wave.POST,
						Map.of("mentee-meeting-frequency", bucket(MENTEE_MEETINGS, MENTEE_MEETING_COUNTS, i - 8))));
			}
			if (pre || post) {
				all.add(new CohortWriter.Submitted(key(code), demographics.id(), Wave.ONCE, demographics(false)));
			}
		}
		all.addAll(cfds());
		return all;
	}

	/** {pre mean, gain} per mentor item, after the paper's Table 4 and Figure 2. */
	private static double[] mentorItem(String id) {
		return switch (id) {
			case "knowledge-promotion", "knowledge-education", "knowledge-networking", "knowledge-alignment",
					"knowledge-imposter" -> new double[] { 2.7, 0.7 };
			case "knowledge-work-life", "knowledge-well-being", "knowledge-dei" -> new double[] { 3.0, 0.35 };
			case "confidence-promotion", "confidence-education", "confidence-networking", "confidence-alignment",
					"confidence-imposter" -> new double[] { 3.0, 0.52 };
			case "behaviour-time-focus" -> new double[] { 3.3, 0.35 };
			case "behaviour-integrate" -> new double[] { 3.2, 0.3 };
			default -> id.startsWith("confidence-") ? new double[] { 3.1, 0.3 }
					: id.startsWith("behaviour-") ? new double[] { 3.5, 0.08 }
					: id.startsWith("climate-") ? new double[] { 4.05, 0.12 }
					: id.startsWith("teaching-") ? new double[] { 3.9, 0.3 } : new double[] { 3.6, 0.35 };
		};
	}

	private static double[] menteeItem(String id) {
		return switch (id) {
			case "mentee-alignment" -> new double[] { 3.2, 0.05 };
			case "job-description", "career-satisfaction", "promotion-path", "work-life-balance" -> new double[] { 4.0, 0.1 };
			default -> id.startsWith("mentee-climate-") ? new double[] { 3.9, 0.12 } : new double[] { 3.0, 0.3 };
		};
	}

	private static final String[] HELPFUL = spread(new int[] { 0, 1, 4, 15, 15 });

	private static final String[] LIKELY = spread(new int[] { 0, 3, 2, 10, 20 });

	private static final String[] MEETINGS = { "not-yet", "once", "a-few-times", "monthly-or-quarterly" };

	private static final int[] MEETING_COUNTS = { 9, 10, 6, 10 };

	/** Every mentee who answered met their mentor at least once, as in the paper. */
	private static final String[] MENTEE_MEETINGS = { "once", "a-few-times", "monthly-or-quarterly" };

	private static final int[] MENTEE_MEETING_COUNTS = { 9, 11, 6 };

	private static final String[] APPROACH_USE = { "not-yet", "once-or-twice", "monthly", "weekly" };

	private static final int[] APPROACH_USE_COUNTS = { 3, 9, 13, 10 };

	/** Most agree the time set aside was fair and sufficient (the paper's Discussion). */
	private static final String[] TIME_TRAINING_FAIR = spread(new int[] { 0, 2, 5, 17, 11 });

	private static final String[] TIME_MEETINGS_FAIR = spread(new int[] { 1, 4, 8, 14, 8 });

	private static final String[] MENTOR_COMMENTS = { "The structure of the sessions built week on week.",
			"Practising with colleagues in triads was the most useful part.",
			"Finding time to meet my mentee was the hardest part.",
			"I ask more questions and give less advice now.", "More examples from clinical settings would help.",
			"The sense of community among mentors was a highlight.",
			"Some of the coaching language felt unnatural at first.",
			"I would like a refresher session next year.", "Session timing clashed with clinic for me.",
			"The promotion session alone was worth it.", "Helpful for leading my team as well.",
			"Not convinced coaching suits every mentee.", "Loved the listening exercises.",
			"Please share the resources list again." };

	private static final String[] MENTEE_COMMENTS = { "Hard to find time to prepare for meetings.",
			"My mentor helped me see my path to promotion.", "I wish we had met more often.",
			"Good to have someone outside my division.", "The first meeting set clear goals." };

	private Map<String, String> feedback(int index) {
		Map<String, String> answers = new LinkedHashMap<>();
		answers.put("strategies-helpful", HELPFUL[index]);
		answers.put("likely-to-use", LIKELY[index]);
		answers.put("approach-use-frequency", bucket(APPROACH_USE, APPROACH_USE_COUNTS, (index * 11) % 35));
		answers.put("meeting-frequency", bucket(MEETINGS, MEETING_COUNTS, index));
		answers.put("time-training-fair", TIME_TRAINING_FAIR[(index * 13) % 35]);
		answers.put("time-meetings-fair", TIME_MEETINGS_FAIR[(index * 17) % 35]);
		if (index < MENTOR_COMMENTS.length) {
			answers.put("comments", "(synthetic) " + MENTOR_COMMENTS[index]);
		}
		return answers;
	}

	private List<CohortWriter.Submitted> cfds() {
		Instrument cfds = instrument("cfds-post");
		// Outcomes (about 70 % and 56-60 % agree), then opportunities in teaching, leadership,
		// wellness, DEI and promotion (each over 55 %).
		int[][] counts = { { 3, 7, 20, 44, 25 }, { 4, 10, 28, 37, 20 }, { 4, 10, 30, 37, 18 }, { 4, 9, 27, 37, 22 },
				{ 4, 9, 28, 38, 20 }, { 3, 10, 27, 37, 22 }, { 4, 11, 28, 36, 20 }, { 5, 10, 27, 35, 22 },
				{ 3, 8, 25, 40, 23 } };
		List<String> items = cfds.items().stream().filter(i -> i.type() == ItemType.SCALE).map(Item::id).toList();
		if (items.size() != counts.length) {
			throw new IllegalStateException("the synthetic CFDS counts cover " + counts.length + " scale items, not "
					+ items.size());
		}
		List<String[]> columns = new ArrayList<>();
		for (int[] c : counts) {
			columns.add(spread(c));
		}
		List<String> divisions = cfds.item("cfds-division").orElseThrow().options().stream()
			.map(Instrument.Option::value).toList();
		List<CohortWriter.Submitted> all = new ArrayList<>();
		for (int r = 0; r < CFDS_RESPONDENTS; r++) {
			Map<String, String> answers = new LinkedHashMap<>();
			for (int i = 0; i < items.size(); i++) {
				answers.put(items.get(i), columns.get(i)[(r * STRIDES[i]) % CFDS_RESPONDENTS]);
			}
			answers.put("cfds-division", bucket(divisions.toArray(String[]::new), DIVISION_COUNTS, r));
			if (r % 8 == 0) {
				answers.put("cfds-comments", "(synthetic) " + CFDS_COMMENTS[(r / 8) % CFDS_COMMENTS.length]);
			}
			all.add(new CohortWriter.Submitted(key(String.format("synthetic-faculty-%02d", r + 1)), cfds.id(), Wave.POST,
					answers));
		}
		return all;
	}

	/** Strides coprime with 99, so each item's answers are a different permutation of its counts. */
	private static final int[] STRIDES = { 7, 13, 17, 19, 23, 25, 29, 31, 35 };

	/** CFDS respondents by division, in the item's option order: all eleven divisions, as in the paper. */
	private static final int[] DIVISION_COUNTS = { 12, 6, 9, 19, 5, 10, 14, 6, 6, 7, 5, 0 };

	private static final String[] CFDS_COMMENTS = { "The variety of topics kept me coming back.",
			"Noon on Tuesdays is hard with clinic.", "The clinical teaching sessions were excellent.",
			"Breakout rooms made it interactive.", "Recordings let me catch up later.",
			"Hearing from faculty in other divisions was valuable.", "More on leadership, please.",
			"Some sessions ran over time.", "The session on burnout resonated with many of us.",
			"Please keep the series going.", "Open mic discussions were the best part.",
			"I would like in-person options too.", "Slides in advance would help." };

	private Map<String, String> demographics(boolean mentor) {
		Map<String, String> answers = new LinkedHashMap<>();
		double g = this.random.nextDouble();
		answers.put("gender-identity", mentor ? (g < 0.48 ? "woman" : g < 0.95 ? "man" : "prefer-not-to-say")
				: (g < 0.38 ? "woman" : g < 0.82 ? "man" : g < 0.86 ? "non-binary" : "prefer-not-to-say"));
		double r = this.random.nextDouble();
		answers.put("race-ethnicity", mentor ? (r < 0.78 ? "white" : r < 0.9 ? "asian" : r < 0.95 ? "black" : "prefer-not-to-say")
				: (r < 0.5 ? "white" : r < 0.68 ? "asian" : r < 0.78 ? "black" : r < 0.88 ? "hispanic-latino" : r < 0.93 ? "multiple"
						: "prefer-not-to-say"));
		double k = this.random.nextDouble();
		answers.put("rank", mentor ? (k < 0.7 ? "associate" : k < 0.97 ? "full" : "prefer-not-to-say")
				: (k < 0.97 ? "assistant" : "prefer-not-to-say"));
		double y = this.random.nextDouble();
		answers.put("years-at-institution", mentor ? (y < 0.15 ? "0-5" : y < 0.35 ? "6-10" : y < 0.8 ? "11-19" : "20-plus")
				: (y < 0.85 ? "0-5" : y < 0.97 ? "6-10" : "prefer-not-to-say"));
		String[] divisions = { "cardiology", "endocrinology", "gastroenterology", "general-internal-medicine", "geriatrics",
				"hematology-oncology", "hospital-medicine", "infectious-disease", "nephrology" };
		answers.put("division", divisions[this.random.nextInt(divisions.length)]);
		return answers;
	}

	/** The value whose run of {@code counts} holds the {@code index}-th respondent. */
	private static String bucket(String[] values, int[] counts, int index) {
		for (int i = 0, seen = 0; i < counts.length; i++) {
			seen += counts[i];
			if (index < seen) {
				return values[i];
			}
		}
		throw new IllegalArgumentException("respondent " + index + " is beyond the counts");
	}

	/** Answers listing each point as often as {@code counts} says, points 1 upwards. */
	private static String[] spread(int[] counts) {
		List<String> values = new ArrayList<>();
		for (int p = 0; p < counts.length; p++) {
			for (int c = 0; c < counts[p]; c++) {
				values.add(String.valueOf(p + 1));
			}
		}
		return values.toArray(String[]::new);
	}

	private static String point(double value) {
		return String.valueOf(Math.max(1, Math.min(5, (int) Math.round(value))));
	}

	private byte[] key(String code) {
		return this.pseudonym.apply(code);
	}

	private Instrument instrument(String id) {
		return this.curriculum.instrument(id).orElseThrow(() -> new IllegalStateException("instrument " + id + " missing"));
	}

}
