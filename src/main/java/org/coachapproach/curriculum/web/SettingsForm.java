package org.coachapproach.curriculum.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coachapproach.curriculum.CoursePlan;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Exercise;
import org.coachapproach.curriculum.InvalidPlanException;
import org.coachapproach.curriculum.ItemKind;
import org.coachapproach.curriculum.ItemRef;
import org.coachapproach.curriculum.ItemSettings;
import org.coachapproach.curriculum.PlanChange;
import org.coachapproach.curriculum.TrainingSession;

import org.springframework.util.MultiValueMap;

/**
 * The settings form: one row per session and exercise, fields named
 * {@code KIND.id.visible|required|release|due} (plus a hidden {@code KIND.id.item}, so an
 * unticked box still names its item), and {@code meetMenteesFrom}. Kept as text, so a
 * refused form comes back exactly as it was typed.
 */
public final class SettingsForm {

	private static final Pattern FIELD = Pattern.compile("([A-Z]+)\\.([^.]{1,100})\\.(item|visible|required|release|due)");

	private final List<Row> rows;

	private final String meetMenteesFrom;

	private SettingsForm(List<Row> rows, String meetMenteesFrom) {
		this.rows = rows;
		this.meetMenteesFrom = meetMenteesFrom;
	}

	public List<Row> rows() {
		return this.rows;
	}

	public String meetMenteesFrom() {
		return this.meetMenteesFrom;
	}

	/** The form showing the course's settings as they are. */
	static SettingsForm of(Curriculum curriculum, CoursePlan plan) {
		List<Row> rows = new ArrayList<>();
		for (TrainingSession session : curriculum.sessions()) {
			rows.add(row(ItemRef.session(session.id()), session.number() + ". " + session.title(), false,
					plan.item(ItemRef.session(session.id()))));
			for (String exerciseId : session.exerciseIds()) {
				String title = curriculum.exercise(exerciseId).map(Exercise::title).orElse(exerciseId);
				rows.add(row(ItemRef.exercise(exerciseId), title, true, plan.item(ItemRef.exercise(exerciseId))));
			}
		}
		return new SettingsForm(rows, text(plan.meetMenteesFrom()));
	}

	/** The current form with what was posted laid over it. */
	SettingsForm with(MultiValueMap<String, String> posted) {
		List<Row> rows = new ArrayList<>();
		for (Row row : this.rows) {
			String name = row.name();
			boolean named = posted.keySet().stream().anyMatch(key -> key.startsWith(name + "."));
			rows.add(!named ? row : new Row(row.item(), row.title(), row.exercise(), posted.containsKey(name + ".visible"),
					posted.containsKey(name + ".required"), value(posted, name + ".release"), value(posted, name + ".due")));
		}
		String meet = posted.containsKey("meetMenteesFrom") ? value(posted, "meetMenteesFrom") : this.meetMenteesFrom;
		return new SettingsForm(rows, meet);
	}

	/**
	 * The change the posted form asks for: every item it names, unticked boxes meaning "no".
	 * @throws InvalidPlanException on a malformed field or date
	 */
	static PlanChange change(MultiValueMap<String, String> posted, LocalDate currentMeetMenteesFrom) {
		List<InvalidPlanException.Problem> problems = new ArrayList<>();
		Map<ItemRef, ItemSettings> items = new LinkedHashMap<>();
		for (String key : posted.keySet()) {
			Matcher field = FIELD.matcher(key);
			if (!field.matches()) {
				continue;
			}
			ItemKind kind = kind(field.group(1));
			if (kind == null) {
				problems.add(new InvalidPlanException.Problem("unknownItem", field.group(1) + ":" + field.group(2)));
				continue;
			}
			ItemRef item = new ItemRef(kind, field.group(2));
			if (items.containsKey(item)) {
				continue;
			}
			String name = kind + "." + item.id();
			LocalDate release = date(posted, name + ".release", name, problems);
			LocalDate due = date(posted, name + ".due", name, problems);
			items.put(item, new ItemSettings(posted.containsKey(name + ".visible"), posted.containsKey(name + ".required"),
					release, due));
		}
		LocalDate meet = posted.containsKey("meetMenteesFrom")
				? date(posted, "meetMenteesFrom", "meetMenteesFrom", problems) : currentMeetMenteesFrom;
		if (!problems.isEmpty()) {
			throw new InvalidPlanException(problems);
		}
		return new PlanChange(items, meet);
	}

	private static ItemKind kind(String name) {
		for (ItemKind kind : ItemKind.values()) {
			if (kind.name().equals(name)) {
				return kind;
			}
		}
		return null;
	}

	private static LocalDate date(MultiValueMap<String, String> posted, String key, String item,
			List<InvalidPlanException.Problem> problems) {
		String text = value(posted, key);
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			problems.add(new InvalidPlanException.Problem("badDate", item.replace('.', ':')));
			return null;
		}
	}

	private static String value(MultiValueMap<String, String> posted, String key) {
		String value = posted.getFirst(key);
		return value == null ? "" : value.strip();
	}

	private static Row row(ItemRef item, String title, boolean exercise, ItemSettings settings) {
		return new Row(item, title, exercise, settings.visible(), settings.required(), text(settings.releaseOn()),
				text(settings.dueOn()));
	}

	private static String text(LocalDate date) {
		return date == null ? "" : date.toString();
	}

	/** One line of the form; {@link #name()} prefixes its fields, {@link #key()} ids its inputs. */
	public record Row(ItemRef item, String title, boolean exercise, boolean visible, boolean required, String release,
			String due) {

		public String name() {
			return this.item.kind() + "." + this.item.id();
		}

		public String key() {
			return this.item.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + this.item.id();
		}

		/** How a problem names this row: {@code KIND:id}. */
		public String problemName() {
			return this.item.kind() + ":" + this.item.id();
		}

	}

}
