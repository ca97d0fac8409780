package org.coachapproach.assessment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.coachapproach.assessment.analysis.LikertDistribution;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.Option;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.People;
import org.coachapproach.people.RosterEntry;

import org.springframework.stereotype.Service;

/** Distributions of one wave's answers, free-text comments, and response rates; all suppressed below the thresholds. */
@Service
public class WaveAnalysis {

	private final CohortReader reader;

	private final People people;

	private final PublishedCells cells;

	WaveAnalysis(CohortReader reader, People people, PublishedCells cells) {
		this.reader = reader;
		this.people = people;
		this.cells = cells;
	}

	public WaveReport report(CourseId course, Instrument instrument, Wave wave) {
		CohortReader.WaveAnswers answers = this.reader.answers(course, instrument, wave);
		List<Distribution> distributions = new ArrayList<>();
		List<Comments> comments = new ArrayList<>();
		for (Item item : instrument.itemsIn(wave)) {
			switch (item.type()) {
				case TEXT -> {
					List<String> texts = answers.texts().get(item.id()).stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
					boolean shown = Suppression.mayShow(texts.size(), answers.textsInTool().get(item.id()), Suppression.MIN_TEXT);
					comments.add(new Comments(item.id(), item.text(), shown, shown ? texts : List.of()));
				}
				case SCALE -> {
					double[] values = answers.scales().get(item.id());
					LikertDistribution likert = LikertDistribution.of(values, 1, item.scale().points());
					int[] cells = likert.points().stream().mapToInt(LikertDistribution.Point::count).toArray();
					double[] inTool = java.util.stream.IntStream.range(0, values.length)
						.mapToDouble(r -> answers.inTool()[r] ? values[r] : Double.NaN)
						.toArray();
					int[] cellsInTool = LikertDistribution.of(inTool, 1, item.scale().points()).points().stream()
						.mapToInt(LikertDistribution.Point::count).toArray();
					distributions.add(distribution(item.id(), item.text(), true, item.scale().labels(), cells, cellsInTool,
							likert.percentTopTwo()));
				}
				case CHOICE -> distributions.add(distribution(item.id(), item.text(), false,
						item.options().stream().map(Option::label).toList(), answers.choices().get(item.id()),
						answers.choicesInTool().get(item.id()), Double.NaN));
			}
		}
		Integer respondents = Suppression.mayShow(answers.respondents(), answers.respondentsInTool(), Suppression.MIN_CELL)
				? answers.respondents() : null;
		return new WaveReport(instrument.id(), instrument.title(), wave.label(), respondents, distributions, comments);
	}

	/**
	 * @param cellsInTool of each cell's answers, those given in the tool
	 * @param topTwo the percentage in the two highest points (scales), shown only when it cannot give a hidden cell away
	 */
	static Distribution distribution(String key, String text, boolean scale, List<String> labels, int[] cells,
			int[] cellsInTool, double topTwo) {
		int n = java.util.Arrays.stream(cells).sum();
		if (!Suppression.mayShow(n, java.util.Arrays.stream(cellsInTool).sum(), Suppression.MIN_CELL)) {
			List<Integer> none = java.util.Collections.nCopies(cells.length, null);
			return new Distribution(key, text, scale, labels, null, none, java.util.Collections.nCopies(cells.length, null),
					null);
		}
		boolean[] shown = Suppression.shown(cells, cellsInTool, null, Suppression.MIN_CELL);
		List<Integer> shownCounts = new ArrayList<>();
		List<Double> percents = new ArrayList<>();
		for (int i = 0; i < cells.length; i++) {
			shownCounts.add(shown[i] ? cells[i] : null);
			percents.add(shown[i] ? 100.0 * cells[i] / n : null);
		}
		Double agree = null;
		if (scale && cells.length >= 2
				&& Suppression.mayShowSum(shown, cells, cellsInTool, new int[] { cells.length - 2, cells.length - 1 },
						Suppression.MIN_CELL)) {
			agree = topTwo;
		}
		return new Distribution(key, text, scale, labels, n, shownCounts, percents, agree);
	}

	/** For each instrument that pairs two waves: invited from the roster, responded to each wave and to both. */
	public List<ResponseRate> responseRates(CourseId course, List<Instrument> instruments) {
		List<RosterEntry> roster = this.people.roster(course);
		List<ResponseRate> rates = new ArrayList<>();
		for (Instrument instrument : instruments) {
			if (!instrument.isPrePost()) {
				continue;
			}
			int invited = (int) roster.stream().filter(e -> e.programRole() != null && instrument.asks(e.programRole())).count();
			Map<Wave, CohortReader.Respondents> responded = this.reader.respondents(course, instrument.id());
			// Each wave's count moves only by release batches, but pairs can complete one at a time: the
			// count of both is the pre/post tables' count of pairs, under the same published set.
			java.nio.ByteBuffer[] pairs = this.reader.respondentsOfBoth(course, instrument.id(), Wave.PRE, Wave.POST);
			boolean[] counted = this.cells.publish(course, instrument.id(), Wave.PRE.label() + "/" + Wave.POST.label(),
					gate -> {
						boolean[] in = new boolean[pairs.length];
						gate.admit(PublishedCells.ALL, PublishedCells.COUNT,
								java.util.stream.IntStream.range(0, pairs.length).toArray(), r -> pairs[r], in);
						return in;
					});
			int all = 0;
			int inTool = 0;
			for (int r = 0; r < pairs.length; r++) {
				all += counted[r] ? 1 : 0;
				inTool += counted[r] && pairs[r] != null ? 1 : 0;
			}
			CohortReader.Respondents both = new CohortReader.Respondents(all, inTool);
			String audience = String.join(", ", instrument.audience().stream().map(Instrument.Audience::label).sorted().toList());
			rates.add(new ResponseRate(instrument.id(), instrument.title(), audience, invited,
					shown(responded.getOrDefault(Wave.PRE, CohortReader.Respondents.NONE), invited),
					shown(responded.getOrDefault(Wave.POST, CohortReader.Respondents.NONE), invited), shown(both, invited)));
		}
		return rates;
	}

	/**
	 * A count of respondents is shown when it and the count of the roster's non-respondents are
	 * both at least five: "all 12 responded" or "2 of 12 did not" would say something about
	 * named people. (When more responded than the roster lists, the roster is not the pool.)
	 * Both hold for those who answered in the tool alone too: imported rows, made up or not,
	 * must not lift a few of the roster over five, nor hide that all but a few of it responded.
	 */
	static Integer shown(CohortReader.Respondents count, int invited) {
		return shown(count.all(), invited) && (count.inTool() == 0 || shown(count.inTool(), invited)) ? count.all() : null;
	}

	private static boolean shown(int count, int invited) {
		int others = invited - count;
		return Suppression.mayShow(count, Suppression.MIN_CELL) && (others < 0 || others >= Suppression.MIN_CELL);
	}

}
