package org.coachapproach.curriculum;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.coachapproach.people.ProgramRole;

/**
 * A survey, loaded from {@code curriculum/instruments/<id>.yml}: its sections and items, who
 * is asked ({@link Audience}) and in which {@link Wave}s it runs.
 *
 * @param optionalWaves waves staff may switch on per course (e.g. a follow-up)
 * @param retrospective the "then-test" items staff may switch on at post, or {@code null}
 */
public record Instrument(String id, String title, String intro, Set<Audience> audience, List<Wave> waves,
		List<Wave> optionalWaves, List<Section> sections, Retrospective retrospective) {

	public Instrument {
		audience = Set.copyOf(audience);
		waves = List.copyOf(waves);
		optionalWaves = List.copyOf(optionalWaves);
		sections = List.copyOf(sections);
	}

	/** Every item, in order. */
	public List<Item> items() {
		return this.sections.stream().flatMap(s -> s.items().stream()).toList();
	}

	public Optional<Item> item(String itemId) {
		return items().stream().filter(i -> i.id().equals(itemId)).findFirst();
	}

	/** The items asked in this wave (not counting retrospective ones). */
	public List<Item> itemsIn(Wave wave) {
		return items().stream().filter(i -> i.askedIn(wave)).toList();
	}

	public boolean runsIn(Wave wave) {
		return this.waves.contains(wave) || this.optionalWaves.contains(wave);
	}

	/** Every wave it can run in, regular ones first. */
	public List<Wave> allWaves() {
		return Stream.concat(this.waves.stream(), this.optionalWaves.stream()).toList();
	}

	/** Whether someone with this program role is asked. */
	public boolean asks(ProgramRole role) {
		if (role == ProgramRole.STAFF) {
			return false;
		}
		return this.audience.contains(Audience.FACULTY)
				|| (role == ProgramRole.MENTOR && this.audience.contains(Audience.MENTOR))
				|| (role == ProgramRole.MENTEE && this.audience.contains(Audience.MENTEE));
	}

	/** Whether it pairs a pre with a post (and so has pre/post analytics). */
	public boolean isPrePost() {
		return this.waves.contains(Wave.PRE) && this.waves.contains(Wave.POST);
	}

	/** Who is asked. {@code faculty} is anyone in the course who is not staff. */
	public enum Audience {

		MENTOR("mentor"), MENTEE("mentee"), FACULTY("faculty");

		private final String label;

		Audience(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		public static Optional<Audience> fromLabel(String label) {
			return Stream.of(values()).filter(a -> a.label.equals(label)).findFirst();
		}

	}

	/** When a survey is asked. {@code once} is for questions asked a single time, such as demographics. */
	public enum Wave {

		PRE("pre"), POST("post"), FOLLOW_UP("follow-up"), ONCE("once");

		private final String label;

		Wave(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		public static Optional<Wave> fromLabel(String label) {
			return Stream.of(values()).filter(w -> w.label.equals(label)).findFirst();
		}

	}

	/**
	 * A group of items; when {@code scored}, its scale score is the mean of its scale items.
	 *
	 * @param stem the question its items answer (e.g. "How confident are you in ...?"), or {@code null}
	 */
	public record Section(String id, String title, String stem, boolean scored, List<Item> items) {

		public Section {
			items = List.copyOf(items);
		}

	}

	/**
	 * One question.
	 *
	 * @param scale for {@link ItemType#SCALE} items, else {@code null}
	 * @param options for {@link ItemType#CHOICE} items, else empty
	 * @param waves the waves it is asked in; empty means every wave of its instrument
	 * @param subgroup whether reports may break results down by this (choice) item
	 * @param groups labelled groups the options collapse into for subgroups; empty: each option is its own
	 * @param competency the ICF competency a behaviour item draws on, or {@code null}
	 */
	public record Item(String id, ItemType type, String text, boolean required, Scale scale, List<Option> options,
			List<Wave> waves, boolean subgroup, List<Option> groups, String competency) {

		public Item {
			options = List.copyOf(options);
			waves = List.copyOf(waves);
			groups = List.copyOf(groups);
		}

		/** A follow-up repeats the post: items limited to post are asked then too. */
		public boolean askedIn(Wave wave) {
			return this.waves.isEmpty() || this.waves.contains(wave)
					|| (wave == Wave.FOLLOW_UP && this.waves.contains(Wave.POST));
		}

		public Optional<Option> option(String value) {
			return this.options.stream().filter(o -> o.value().equals(value)).findFirst();
		}

	}

	public enum ItemType {

		/** A value on a numeric {@link Scale}. */
		SCALE("scale"),
		/** One of a list of options. */
		CHOICE("choice"),
		/** Free text. */
		TEXT("text");

		private final String label;

		ItemType(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		public static Optional<ItemType> fromLabel(String label) {
			return Stream.of(values()).filter(t -> t.label.equals(label)).findFirst();
		}

	}

	/**
	 * An answer option; {@code group} (may be {@code null}) names the subgroup it collapses into.
	 */
	public record Option(String value, String label, String group) {

		/** The option every demographic question must offer. */
		public static final String PREFER_NOT_TO_SAY = "prefer-not-to-say";

	}

	/** A response scale from 1 to {@code points}, with a label for every point. */
	public record Scale(String id, int points, List<String> labels) {

		public Scale {
			labels = List.copyOf(labels);
		}

		public String label(int value) {
			return this.labels.get(value - 1);
		}

		public boolean contains(int value) {
			return value >= 1 && value <= this.points;
		}

	}

	/**
	 * The "then-test": items asked again at post about how the respondent sees themselves
	 * before the program, to measure response-shift bias.
	 */
	public record Retrospective(String prompt, List<String> itemIds) {

		public Retrospective {
			itemIds = List.copyOf(itemIds);
		}

		/** The key the then-answer of an item is stored under. */
		public static String answerKey(String itemId) {
			return "then-" + itemId;
		}

	}

}
