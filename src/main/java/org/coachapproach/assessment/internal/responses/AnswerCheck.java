package org.coachapproach.assessment.internal.responses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coachapproach.assessment.AnswerProblem;
import org.coachapproach.assessment.AnswersRefusedException;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.ItemType;
import org.coachapproach.curriculum.Instrument.Retrospective;
import org.coachapproach.curriculum.Instrument.Wave;

/**
 * Checks posted answers against an instrument's items in one wave: only known items, values
 * on the item's scale or among its options, text within a length; on submit also every
 * required item. Blank answers count as unanswered.
 */
public final class AnswerCheck {

	public static final int MAX_TEXT = 4000;

	private AnswerCheck() {
	}

	/** The questions asked in this wave, keyed by the name their answer is stored under. */
	public static Map<String, Item> asked(Instrument instrument, Wave wave, boolean retrospective) {
		Map<String, Item> asked = new LinkedHashMap<>();
		instrument.itemsIn(wave).forEach(item -> asked.put(item.id(), item));
		if (retrospective && wave == Wave.POST && instrument.retrospective() != null) {
			instrument.retrospective().itemIds().forEach(id -> instrument.item(id)
				.ifPresent(item -> asked.put(Retrospective.answerKey(id), item)));
		}
		return asked;
	}

	/**
	 * @return the answers to keep (blank ones dropped), in the instrument's order
	 * @throws AnswersRefusedException with every problem, when there is one
	 */
	public static Map<String, String> check(Map<String, Item> asked, Map<String, String> posted, boolean submit) {
		List<AnswerProblem> problems = new ArrayList<>();
		posted.keySet().stream().filter(name -> !asked.containsKey(name))
			.forEach(name -> problems.add(new AnswerProblem(name, "unknown")));
		Map<String, String> kept = new LinkedHashMap<>();
		asked.forEach((name, item) -> {
			String value = posted.get(name);
			value = value == null ? "" : item.type() == ItemType.TEXT ? value.strip() : value.trim();
			if (value.isEmpty()) {
				if (submit && item.required()) {
					problems.add(new AnswerProblem(name, "required"));
				}
				return;
			}
			String problem = problem(item, value);
			if (problem != null) {
				problems.add(new AnswerProblem(name, problem));
			}
			else {
				kept.put(name, value);
			}
		});
		if (!problems.isEmpty()) {
			throw new AnswersRefusedException(problems);
		}
		return kept;
	}

	private static String problem(Item item, String value) {
		return switch (item.type()) {
			case SCALE -> {
				try {
					yield item.scale().contains(Integer.parseInt(value)) ? null : "notOnScale";
				}
				catch (NumberFormatException ex) {
					yield "notOnScale";
				}
			}
			case CHOICE -> item.option(value).isPresent() ? null : "notAnOption";
			case TEXT -> value.length() > MAX_TEXT ? "tooLong" : null;
		};
	}

}
