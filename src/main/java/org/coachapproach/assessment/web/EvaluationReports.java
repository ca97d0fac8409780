package org.coachapproach.assessment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.coachapproach.assessment.Adjustment;
import org.coachapproach.assessment.CfdsAttendance;
import org.coachapproach.assessment.CfdsAttendanceSource;
import org.coachapproach.assessment.ComparisonRow;
import org.coachapproach.assessment.Distribution;
import org.coachapproach.assessment.PrePostReport;
import org.coachapproach.assessment.SurveyAdministration;
import org.coachapproach.assessment.SurveyReports;
import org.coachapproach.assessment.WaveReport;
import org.coachapproach.assessment.web.EvaluationReport.Comparison;
import org.coachapproach.assessment.web.EvaluationReport.Part;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.ItemType;
import org.coachapproach.curriculum.Instrument.Section;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.Member;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Builds a course's {@link EvaluationReport} from the instruments' definitions, every figure
 * from {@link SurveyReports} (so under their suppression and
 * publication rules), in the published evaluation's order.
 */
@Component
class EvaluationReports {

	/** The instruments the published evaluation reports, in its order; others follow in the curriculum's. */
	static final List<String> PAPER_ORDER = List.of("mentor-prepost", "mentor-post", "mentee-prepost", "mentee-post",
			"cfds-post");

	/** The series survey, before which the attendance figures stand. */
	static final String CFDS_SURVEY = "cfds-post";

	/**
	 * The sections the published evaluation draws as figures: the mentors' confidence in
	 * modelling coaching behaviours (its Figure 2), the mentees' career confidence (its Figure 3).
	 */
	static final Map<String, String> CHARTED_SECTIONS = Map.of("mentor-prepost", "coaching-behaviours", "mentee-prepost",
			"career-confidence");

	private final Curriculum curriculum;

	private final SurveyReports reports;

	private final SurveyAdministration administration;

	private final ObjectProvider<CfdsAttendanceSource> attendance;

	EvaluationReports(Curriculum curriculum, SurveyReports reports, SurveyAdministration administration,
			ObjectProvider<CfdsAttendanceSource> attendance) {
		this.curriculum = curriculum;
		this.reports = reports;
		this.administration = administration;
		this.attendance = attendance;
	}

	EvaluationReport report(Member member) {
		CourseId course = member.course();
		this.reports.releaseDue(course);
		Numbers numbers = new Numbers();
		List<Part> parts = new ArrayList<>();
		parts.add(new EvaluationReport.Rates("rates", numbers.table(),
				this.reports.responseRates(course, this.curriculum.instruments()).stream().map(EvaluationReport.Rate::of).toList()));
		Optional<Instrument> demographics = this.curriculum.instrument(SurveyReports.DEMOGRAPHICS);
		demographics.ifPresent(d -> parts.add(answers("demographics", numbers.table(), d,
				this.reports.wave(course, d, d.waves().get(0)), item -> item.subgroup())));

		Optional<CfdsAttendance> cfds = member.isProgramStaff()
				? this.attendance.getIfAvailable(() -> program -> Optional.empty()).latest(member.program())
				: Optional.empty();
		boolean attendanceShown = false;
		// Retrospective and follow-up come after the published evaluation's results: numbered at the end.
		List<IntFunction<Part>> later = new ArrayList<>();
		for (Instrument instrument : ordered()) {
			if (instrument.id().equals(CFDS_SURVEY) && cfds.isPresent()) {
				parts.add(attendance(numbers, cfds.get()));
				attendanceShown = true;
			}
			if (instrument.isPrePost()) {
				// One analysis, both adjustments of its p-values.
				PrePostReport post = this.reports.prePost(course, instrument, Wave.POST, Adjustment.NONE, null, null);
				PrePostReport holm = post.adjusted(Adjustment.HOLM);
				PrePostReport bh = post.adjusted(Adjustment.BH);
				parts.add(prePost("prePost", numbers.table(), holm, bh.scales(), bh.items()));
				chart(instrument, holm, bh, numbers).ifPresent(parts::add);
				if (!holm.retrospective().isEmpty()) {
					later.add(number -> new EvaluationReport.PrePost("retrospective", number, holm.instrumentId(),
							holm.title(), "then", holm.secondWave(), holm.pairs(), List.of(),
							comparisons(holm.retrospective(), bh.retrospective())));
				}
				if (this.administration.runs(course, instrument, Wave.FOLLOW_UP)) {
					PrePostReport followUp = this.reports.prePost(course, instrument, Wave.FOLLOW_UP, Adjustment.NONE, null,
							null);
					PrePostReport followHolm = followUp.adjusted(Adjustment.HOLM);
					PrePostReport followBh = followUp.adjusted(Adjustment.BH);
					later.add(number -> prePost("followUp", number, followHolm, followBh.scales(), followBh.items()));
				}
			}
			else if (instrument.waves().contains(Wave.POST)) {
				parts.add(answers("answers", numbers.table(), instrument, this.reports.wave(course, instrument, Wave.POST),
						item -> item.type() != ItemType.TEXT));
			}
		}
		if (cfds.isPresent() && !attendanceShown) {
			parts.add(attendance(numbers, cfds.get()));
		}
		later.forEach(part -> parts.add(part.apply(numbers.table())));
		return new EvaluationReport(this.reports.hasSynthetic(course),
				this.reports.held(course, this.curriculum.instruments()), parts,
				!member.isProgramStaff());
	}

	/** The published evaluation's instruments in its order, then the others (demographics apart). */
	private List<Instrument> ordered() {
		List<Instrument> ordered = new ArrayList<>();
		PAPER_ORDER.forEach(id -> this.curriculum.instrument(id).ifPresent(ordered::add));
		this.curriculum.instruments().stream()
			.filter(i -> !PAPER_ORDER.contains(i.id()) && !i.id().equals(SurveyReports.DEMOGRAPHICS))
			.forEach(ordered::add);
		return ordered;
	}

	private static EvaluationReport.Attendance attendance(Numbers numbers, CfdsAttendance figures) {
		return new EvaluationReport.Attendance("attendance", numbers.table(), numbers.table(), numbers.table(), figures);
	}

	private static EvaluationReport.Answers answers(String kind, int number, Instrument instrument, WaveReport report,
			java.util.function.Predicate<Item> shown) {
		List<Distribution> distributions = report.distributions().stream()
			.filter(d -> instrument.item(d.key()).filter(shown).isPresent())
			.toList();
		return new EvaluationReport.Answers(kind, number, instrument.id(), instrument.title(), report.wave(),
				report.respondents(), distributions);
	}

	private static EvaluationReport.PrePost prePost(String kind, int number, PrePostReport holm,
			List<ComparisonRow> bhScales, List<ComparisonRow> bhItems) {
		return new EvaluationReport.PrePost(kind, number, holm.instrumentId(), holm.title(), holm.firstWave(),
				holm.secondWave(), holm.pairs(), comparisons(holm.scales(), bhScales), comparisons(holm.items(), bhItems));
	}

	private static List<Comparison> comparisons(List<ComparisonRow> holm, List<ComparisonRow> bh) {
		List<Comparison> rows = new ArrayList<>();
		for (int i = 0; i < holm.size(); i++) {
			rows.add(Comparison.of(holm.get(i), bh.get(i)));
		}
		return rows;
	}

	/**
	 * The figure of the instrument's charted section, if it has one with items compared: the
	 * paired means from the comparison above, and each wave's answers per point over the same pairs.
	 */
	private Optional<Part> chart(Instrument instrument, PrePostReport holm, PrePostReport bh,
			Numbers numbers) {
		Optional<Section> section = Optional.ofNullable(CHARTED_SECTIONS.get(instrument.id()))
			.flatMap(id -> instrument.sections().stream().filter(s -> s.id().equals(id)).findFirst());
		if (section.isEmpty()) {
			return Optional.empty();
		}
		Set<String> ids = section.get().items().stream().filter(i -> i.type() == ItemType.SCALE).map(Item::id)
			.collect(Collectors.toSet());
		List<Comparison> items = comparisons(holm.items(), bh.items());
		// Each wave's answers over the pairs the means rest on: over each wave's respondents, the counts
		// less the means would give away whoever answered one wave only.
		Map<String, List<Distribution>> points = holm.itemPoints();
		List<EvaluationReport.ChartItem> charted = items.stream()
			.filter(c -> ids.contains(c.key()))
			.map(c -> new EvaluationReport.ChartItem(c.key(), c.label(), c, points.get(c.key()).get(0),
					points.get(c.key()).get(1)))
			.toList();
		if (charted.isEmpty()) {
			return Optional.empty();
		}
		Item first = instrument.item(charted.get(0).key()).orElseThrow();
		return Optional.of(new EvaluationReport.Chart("chart", numbers.figure(), instrument.id(), section.get().id(),
				instrument.title() + ": " + section.get().title(), section.get().stem(), first.scale().points(),
				first.scale().labels(),
				charted));
	}

	/** Tables and figures are numbered apart, as a journal numbers them. */
	private static final class Numbers {

		private int tables;

		private int figures;

		int table() {
			return ++this.tables;
		}

		int figure() {
			return ++this.figures;
		}

	}

}
