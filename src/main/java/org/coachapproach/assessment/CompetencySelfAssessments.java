package org.coachapproach.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.assessment.internal.report.PrePostAnalysis;
import org.coachapproach.assessment.internal.report.Suppression;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.Member;

import org.springframework.stereotype.Service;

/**
 * The mentors' self-assessment of the coaching behaviours, by the ICF competency each item
 * draws on: a mentor's own answers for the mentor alone (found by their pseudonym, as
 * {@link SurveyResponses#mine} does), and the course's pre/post figures for staff exactly as the
 * pre/post report publishes them, under its suppression and release batches.
 */
@Service
public class CompetencySelfAssessments {

	/** The mentors' pre/post self-assessment whose behaviour items carry a competency. */
	public static final String INSTRUMENT = "mentor-prepost";

	private final Curriculum curriculum;

	private final SurveyResponses responses;

	private final PrePostAnalysis analysis;

	CompetencySelfAssessments(Curriculum curriculum, SurveyResponses responses, PrePostAnalysis analysis) {
		this.curriculum = curriculum;
		this.responses = responses;
		this.analysis = analysis;
	}

	/** Whether a figure resting on this many people may be shown to staff (the reports' threshold). */
	public static boolean shown(int people) {
		return people > 0 && Suppression.shown(new int[] { people }, null, Suppression.MIN_CELL)[0];
	}

	/**
	 * The member's own submitted answers before and after, by competency id: for the member
	 * themself only, never for anyone else.
	 */
	public Map<String, List<OwnAnswer>> mine(Member member) {
		Map<String, List<OwnAnswer>> byCompetency = new LinkedHashMap<>();
		Optional<Instrument> instrument = this.curriculum.instrument(INSTRUMENT);
		if (instrument.isEmpty() || member.course() == null) {
			return byCompetency;
		}
		Map<String, String> pre = Map.of();
		Map<String, String> post = Map.of();
		for (OwnResponse response : this.responses.mine(member)) {
			if (response.instrumentId().equals(INSTRUMENT) && response.submitted()) {
				if (response.wave() == Wave.PRE) {
					pre = response.answers();
				}
				else if (response.wave() == Wave.POST) {
					post = response.answers();
				}
			}
		}
		for (Item item : instrument.get().items()) {
			if (item.competency() != null) {
				byCompetency.computeIfAbsent(item.competency(), c -> new ArrayList<>())
					.add(new OwnAnswer(item.text(), answer(item, pre), answer(item, post)));
			}
		}
		return byCompetency;
	}

	/**
	 * The course's figures for each competency's items, among mentors who answered before and
	 * after, as the pre/post report shows them: suppressed below its threshold.
	 */
	public Map<String, List<CourseFigure>> course(CourseId course) {
		Map<String, List<CourseFigure>> byCompetency = new LinkedHashMap<>();
		Optional<Instrument> instrument = this.curriculum.instrument(INSTRUMENT);
		if (instrument.isEmpty()) {
			return byCompetency;
		}
		PrePostReport report = this.analysis.report(course, instrument.get(), Wave.POST, Adjustment.NONE, null);
		for (ComparisonRow row : report.items()) {
			instrument.get().item(row.key()).filter(i -> i.competency() != null).ifPresent(item -> {
				boolean hidden = row.suppressed() || row.figures() == null;
				byCompetency.computeIfAbsent(item.competency(), c -> new ArrayList<>())
					.add(new CourseFigure(item.text(), hidden, hidden ? null : row.figures().n(),
							hidden ? null : row.figures().firstMean(), hidden ? null : row.figures().secondMean()));
			});
		}
		return byCompetency;
	}

	private static String answer(Item item, Map<String, String> answers) {
		String value = answers.get(item.id());
		if (value == null || item.scale() == null) {
			return null;
		}
		try {
			int point = Integer.parseInt(value);
			return point + " · " + item.scale().label(point);
		}
		catch (RuntimeException ex) {
			return value;
		}
	}

	/** One behaviour item and the member's own answer before and after ({@code null}: not answered). */
	public record OwnAnswer(String item, String before, String after) {
	}

	/** One behaviour item's course figures; all {@code null} when suppressed. */
	public record CourseFigure(String item, boolean suppressed, Integer pairs, Double beforeMean, Double afterMean) {
	}

}
