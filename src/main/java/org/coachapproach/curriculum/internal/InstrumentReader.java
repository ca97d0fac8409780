package org.coachapproach.curriculum.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Audience;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.ItemType;
import org.coachapproach.curriculum.Instrument.Option;
import org.coachapproach.curriculum.Instrument.Retrospective;
import org.coachapproach.curriculum.Instrument.Scale;
import org.coachapproach.curriculum.Instrument.Section;
import org.coachapproach.curriculum.Instrument.Wave;

/**
 * Reads {@code instruments/scales.yml} and every {@code instruments/<id>.yml}, recording each
 * problem with its file and line. Item ids are unique across all instruments, so an answer's
 * item id names one question wherever it appears.
 */
final class InstrumentReader {

	static final String FOLDER = "instruments";

	static final String SCALES_FILE = FOLDER + "/scales.yml";

	private static final int MAX_POINTS = 11;

	private final Function<String, Optional<YamlFields>> yaml;

	private final Set<String> competencyIds;

	private final Map<String, String> itemIds = new HashMap<>();

	/** Other questions about the respondent's division, checked against {@link Curriculum#DIVISION_ITEM}. */
	private final Map<Item, YamlFields> divisionItems = new LinkedHashMap<>();

	InstrumentReader(Function<String, Optional<YamlFields>> yaml, Set<String> competencyIds) {
		this.yaml = yaml;
		this.competencyIds = competencyIds;
	}

	List<Instrument> read(List<String> files) {
		Map<String, Scale> scales = this.yaml.apply(SCALES_FILE).map(this::scales).orElse(Map.of());
		List<Instrument> instruments = new ArrayList<>();
		for (String file : files) {
			if (!file.equals(SCALES_FILE)) {
				this.yaml.apply(file).flatMap(f -> instrument(f, file, scales)).ifPresent(instruments::add);
			}
		}
		checkDivisions(instruments);
		return instruments;
	}

	/**
	 * Every question about the respondent's division offers the department's division list,
	 * values and labels as in the demographics' division question, so their answers read together.
	 */
	private void checkDivisions(List<Instrument> instruments) {
		Optional<Item> divisions = instruments.stream().filter(i -> i.id().equals(Curriculum.DEMOGRAPHICS))
			.flatMap(i -> i.item(Curriculum.DIVISION_ITEM).stream()).findFirst();
		divisions.ifPresent(reference -> this.divisionItems.forEach((item, fields) -> {
			if (!item.options().equals(reference.options())) {
				fields.problem(fields.line("options"), "'" + item.id() + "' asks for the respondent's division, so it "
						+ "offers the same options (values and labels) as '" + Curriculum.DIVISION_ITEM + "' in "
						+ FOLDER + "/" + Curriculum.DEMOGRAPHICS + ".yml, the institution's list of divisions");
			}
		}));
	}

	private Map<String, Scale> scales(YamlFields f) {
		f.allowOnly(Set.of("scales"));
		Map<String, Scale> scales = new LinkedHashMap<>();
		for (YamlFields s : f.mappings("scales", 1)) {
			s.allowOnly(Set.of("id", "points", "anchors"));
			String id = CurriculumLoader.id(s, "id");
			int points = s.number("points", 2, MAX_POINTS);
			String[] labels = new String[Math.max(points, 0)];
			for (YamlFields a : s.mappings("anchors", 1)) {
				a.allowOnly(Set.of("value", "label"));
				int value = a.number("value", 1, MAX_POINTS);
				String label = a.text("label");
				if (value > points && points > 0) {
					a.problem(a.line("value"), "anchor value " + value + " is outside the scale's 1 to " + points);
				}
				else if (value > 0 && labels.length > 0) {
					if (labels[value - 1] != null) {
						a.problem(a.line("value"), "anchor value " + value + " is labelled twice");
					}
					labels[value - 1] = label;
				}
			}
			boolean labelled = true;
			for (int v = 1; v <= labels.length; v++) {
				if (labels[v - 1] == null) {
					labelled = false;
					s.problem(s.line("anchors"), "scale '" + id + "' has no label for point " + v);
				}
			}
			if (id != null && scales.containsKey(id)) {
				s.problem(s.line("id"), "scale id '" + id + "' is already used");
			}
			else if (id != null && points > 0 && labelled) {
				scales.put(id, new Scale(id, points, java.util.Arrays.asList(labels)));
			}
		}
		return scales;
	}

	private Optional<Instrument> instrument(YamlFields f, String file, Map<String, Scale> scales) {
		f.allowOnly(Set.of("id", "title", "intro", "audience", "waves", "optionalWaves", "retrospective", "sections"));
		String id = CurriculumLoader.id(f, "id");
		if (id != null && !file.equals(FOLDER + "/" + id + ".yml")) {
			f.problem(f.line("id"), "id '" + id + "' must match the file name (" + id + ".yml)");
		}
		Set<Audience> audience = labels(f, "audience", 1, Audience::fromLabel, "mentor, mentee or faculty").stream()
			.collect(Collectors.toSet());
		List<Wave> waves = labels(f, "waves", 1, Wave::fromLabel, "pre, post, follow-up or once");
		List<Wave> optional = labels(f, "optionalWaves", 0, Wave::fromLabel, "pre, post, follow-up or once");
		checkWaves(f, waves, optional);
		List<Wave> all = Stream.concat(waves.stream(), optional.stream()).toList();
		List<Section> sections = new ArrayList<>();
		Set<String> sectionIds = new java.util.HashSet<>();
		for (YamlFields s : f.mappings("sections", 1)) {
			s.allowOnly(Set.of("id", "title", "stem", "scored", "items"));
			String sectionId = CurriculumLoader.id(s, "id");
			if (sectionId != null && !sectionIds.add(sectionId)) {
				s.problem(s.line("id"), "section id '" + sectionId + "' is already used in this instrument");
			}
			boolean scored = flag(s, "scored", false);
			List<Item> items = new ArrayList<>();
			for (YamlFields i : s.mappings("items", 1)) {
				item(i, scales, all).ifPresent(items::add);
			}
			if (scored && items.stream().anyMatch(i -> i.type() != ItemType.SCALE)) {
				s.problem(s.line("scored"), "a scored section may hold only scale items (its score is their mean)");
			}
			sections.add(new Section(sectionId, s.text("title"), stem(s), scored, items));
		}
		Retrospective retrospective = f.has("retrospective") ? retrospective(f, sections, waves) : null;
		String title = f.text("title");
		String intro = f.text("intro");
		boolean complete = id != null && title != null && intro != null && !audience.isEmpty() && !waves.isEmpty()
				&& sections.stream().allMatch(s -> s.id() != null && s.title() != null);
		return complete ? Optional.of(new Instrument(id, title, intro, audience, waves, optional, sections, retrospective))
				: Optional.empty();
	}

	/** The optional question a section's items answer: text that asks, ending in '?' or ':'. */
	private static String stem(YamlFields s) {
		if (!s.has("stem")) {
			return null;
		}
		String stem = s.text("stem");
		if (stem != null && !stem.endsWith("?") && !stem.endsWith(":")) {
			s.problem(s.line("stem"), "'stem' is the question the section's items answer: end it with '?' or ':'");
		}
		return stem;
	}

	private static void checkWaves(YamlFields f, List<Wave> waves, List<Wave> optional) {
		if (waves.size() != Set.copyOf(waves).size()) {
			f.problem(f.line("waves"), "'waves' lists a wave twice");
		}
		optional.stream().filter(waves::contains)
			.forEach(w -> f.problem(f.line("optionalWaves"), "wave '" + w.label() + "' is both regular and optional"));
		if (waves.contains(Wave.ONCE) && (waves.size() > 1 || !optional.isEmpty())) {
			f.problem(f.line("waves"), "an instrument asked 'once' runs in no other wave");
		}
		if (optional.contains(Wave.FOLLOW_UP) && !waves.contains(Wave.POST)) {
			f.problem(f.line("optionalWaves"), "a follow-up wave needs a post wave to follow");
		}
	}

	private Optional<Item> item(YamlFields i, Map<String, Scale> scales, List<Wave> instrumentWaves) {
		i.allowOnly(Set.of("id", "type", "text", "required", "scale", "options", "waves", "subgroup", "groups",
				"competency"));
		String id = CurriculumLoader.id(i, "id");
		if (id != null) {
			if (id.startsWith("then-")) {
				i.problem(i.line("id"), "item ids may not start with 'then-' (kept for retrospective answers)");
			}
			String first = this.itemIds.putIfAbsent(id, i.file() + ":" + i.line("id"));
			if (first != null) {
				i.problem(i.line("id"), "item id '" + id + "' is already used at " + first);
			}
		}
		String typeLabel = i.text("type");
		ItemType type = typeLabel == null ? null : ItemType.fromLabel(typeLabel).orElse(null);
		if (typeLabel != null && type == null) {
			i.problem(i.line("type"), "unknown item type '" + typeLabel + "' (expected scale, choice or text)");
		}
		boolean required = flag(i, "required", type != ItemType.TEXT);
		Scale scale = null;
		if (type == ItemType.SCALE) {
			String scaleId = i.text("scale");
			scale = scaleId == null ? null : scales.get(scaleId);
			if (scaleId != null && scale == null) {
				i.problem(i.line("scale"), "unknown scale '" + scaleId + "' (defined in " + SCALES_FILE + ": "
						+ String.join(", ", scales.keySet()) + ")");
			}
		}
		else if (i.has("scale")) {
			i.problem(i.line("scale"), "only scale items have a 'scale'");
		}
		List<Option> groups = options(i, "groups", 0, List.of());
		List<Option> options = List.of();
		if (type == ItemType.CHOICE) {
			options = options(i, "options", 2, groups);
		}
		else if (i.has("options")) {
			i.problem(i.line("options"), "only choice items have 'options'");
		}
		boolean subgroup = flag(i, "subgroup", false);
		if (subgroup && type != ItemType.CHOICE) {
			i.problem(i.line("subgroup"), "only a choice item can define subgroups");
		}
		if (type == ItemType.CHOICE && instrumentWaves.contains(Wave.ONCE)
				&& options.stream().noneMatch(o -> o.value().equals(Option.PREFER_NOT_TO_SAY))) {
			i.problem(i.line("options"), "a demographic question must offer '" + Option.PREFER_NOT_TO_SAY + "'");
		}
		List<Wave> waves = labels(i, "waves", 0, Wave::fromLabel, "pre, post, follow-up or once");
		waves.stream().filter(w -> !instrumentWaves.contains(w))
			.forEach(w -> i.problem(i.line("waves"), "the instrument does not run in wave '" + w.label() + "'"));
		String competency = i.optionalText("competency");
		if (competency != null) {
			i.checkReferences("competency", List.of(competency), this.competencyIds, "competency");
		}
		String text = i.text("text");
		if (id == null || type == null || text == null || (type == ItemType.SCALE && scale == null)) {
			return Optional.empty();
		}
		Item item = new Item(id, type, text, required, scale, options, waves, subgroup, groups, competency);
		if (type == ItemType.CHOICE && id.endsWith("-" + Curriculum.DIVISION_ITEM)) {
			this.divisionItems.put(item, i);
		}
		return Optional.of(item);
	}

	private static List<Option> options(YamlFields i, String field, int min, List<Option> groups) {
		List<Option> options = new ArrayList<>();
		Set<String> values = new java.util.HashSet<>();
		Set<String> groupValues = groups.stream().map(Option::value).collect(Collectors.toSet());
		for (YamlFields o : i.mappings(field, min)) {
			o.allowOnly(field.equals("options") ? Set.of("value", "label", "group") : Set.of("value", "label"));
			String value = CurriculumLoader.id(o, "value");
			String label = o.text("label");
			String group = o.optionalText("group");
			if (value != null && !values.add(value)) {
				o.problem(o.line("value"), "value '" + value + "' is listed twice");
			}
			if (group != null && !groupValues.contains(group)) {
				o.problem(o.line("group"), "unknown group '" + group + "' (list it under the item's 'groups')");
			}
			if (value != null && label != null) {
				options.add(new Option(value, label, group));
			}
		}
		return options;
	}

	private static Retrospective retrospective(YamlFields f, List<Section> sections, List<Wave> waves) {
		return f.mapping("retrospective").map(r -> {
			r.allowOnly(Set.of("prompt", "items"));
			List<String> ids = r.texts("items", 1);
			Map<String, Item> items = sections.stream().flatMap(s -> s.items().stream())
				.collect(Collectors.toMap(Item::id, i -> i, (a, b) -> a));
			if (!waves.contains(Wave.POST)) {
				r.problem(r.line(), "retrospective items are asked at post, but the instrument has no post wave");
			}
			for (String id : ids) {
				Item item = items.get(id);
				if (item == null) {
					r.problem(r.line("items"), "unknown item '" + id + "' in this instrument");
				}
				else if (item.type() != ItemType.SCALE || !item.askedIn(Wave.PRE) || !item.askedIn(Wave.POST)) {
					r.problem(r.line("items"), "retrospective item '" + id + "' must be a scale item asked at pre and post");
				}
			}
			String prompt = r.text("prompt");
			return prompt == null ? null : new Retrospective(prompt, ids);
		}).orElse(null);
	}

	private static boolean flag(YamlFields f, String field, boolean absent) {
		String value = f.optionalText(field);
		if (value == null) {
			return absent;
		}
		if (!value.equals("true") && !value.equals("false")) {
			f.problem(f.line(field), "'" + field + "' must be true or false");
			return absent;
		}
		return Boolean.parseBoolean(value);
	}

	private static <T> List<T> labels(YamlFields f, String field, int min, Function<String, Optional<T>> parse,
			String expected) {
		List<T> found = new ArrayList<>();
		for (String label : f.texts(field, min)) {
			parse.apply(label).ifPresentOrElse(found::add,
					() -> f.problem(f.line(field), "unknown value '" + label + "' in '" + field + "' (expected " + expected + ")"));
		}
		return found;
	}

}
