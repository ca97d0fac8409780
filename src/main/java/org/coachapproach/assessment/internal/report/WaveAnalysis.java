package org.coachapproach.assessment.internal.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.coachapproach.assessment.Comments;
import org.coachapproach.assessment.Distribution;
import org.coachapproach.assessment.ResponseRate;
import org.coachapproach.assessment.WaveReport;
import org.coachapproach.assessment.analysis.LikertDistribution;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.ItemType;
import org.coachapproach.curriculum.Instrument.Option;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.People;
import org.coachapproach.people.RosterEntry;

import org.springframework.stereotype.Service;

/** Distributions of one wave's answers, free-text comments, and response rates; all suppressed below the thresholds. */
@Service
public class WaveAnalysis {

	/** The figure key of an item's distribution in {@link PublishedCells}, before the item's id. */
	static final String DISTRIBUTION = "dist:";

	/** The figure key of a text item's comments in {@link PublishedCells}, before the item's id. */
	static final String COMMENTS = "comments:";

	private final CohortReader reader;

	private final People people;

	private final PublishedCells cells;

	WaveAnalysis(CohortReader reader, People people, PublishedCells cells) {
		this.reader = reader;
		this.people = people;
		this.cells = cells;
	}

	/**
	 * A wave's distributions and comments. Its respondents move only by release batches, but an
	 * item people may skip can gain a single answer within a batch of five (only the target wrote
	 * a comment): so each item's figure counts only whom {@link PublishedCells} published it over,
	 * growing by at least five answers given in the tool (ten for comments, as they are shown).
	 */
	public WaveReport report(CourseId course, Instrument instrument, Wave wave) {
		CohortReader.WaveAnswers answers = this.reader.answers(course, instrument, wave);
		List<Item> items = instrument.itemsIn(wave);
		Map<String, boolean[]> counted = this.cells.publish(course, instrument.id(), wave.label(), gate -> {
			Map<String, boolean[]> in = new HashMap<>();
			for (Item item : items) {
				int[] eligible = IntStream.range(0, answers.respondents()).filter(r -> answers.answered(item, r)).toArray();
				boolean[] counts = new boolean[answers.respondents()];
				boolean text = item.type() == ItemType.TEXT;
				gate.admit(PublishedCells.ALL, (text ? COMMENTS : DISTRIBUTION) + item.id(), eligible,
						r -> answers.inTool()[r], counts, text ? Suppression.MIN_TEXT : Suppression.MIN_CELL);
				in.put(item.id(), counts);
			}
			return in;
		});
		List<Distribution> distributions = new ArrayList<>();
		List<Comments> comments = new ArrayList<>();
		for (Item item : items) {
			boolean[] in = counted.get(item.id());
			switch (item.type()) {
				case TEXT -> {
					String[] given = answers.texts().get(item.id());
					List<String> texts = new ArrayList<>();
					int textsInTool = 0;
					for (int r = 0; r < given.length; r++) {
						if (in[r] && given[r] != null) {
							texts.add(given[r]);
							textsInTool += answers.inTool()[r] != null ? 1 : 0;
						}
					}
					texts.sort(String.CASE_INSENSITIVE_ORDER);
					boolean shown = Suppression.mayShow(texts.size(), textsInTool, Suppression.MIN_TEXT);
					comments.add(new Comments(item.id(), item.text(), shown, shown ? texts : List.of()));
				}
				case SCALE -> {
					double[] given = answers.scales().get(item.id());
					double[] values = IntStream.range(0, given.length).mapToDouble(r -> in[r] ? given[r] : Double.NaN)
						.toArray();
					LikertDistribution likert = LikertDistribution.of(values, 1, item.scale().points());
					int[] cells = likert.points().stream().mapToInt(LikertDistribution.Point::count).toArray();
					double[] inTool = IntStream.range(0, values.length)
						.mapToDouble(r -> answers.inTool()[r] != null ? values[r] : Double.NaN)
						.toArray();
					int[] cellsInTool = LikertDistribution.of(inTool, 1, item.scale().points()).points().stream()
						.mapToInt(LikertDistribution.Point::count).toArray();
					distributions.add(distribution(item.id(), item.text(), true, item.scale().labels(), cells, cellsInTool,
							likert.percentTopTwo()));
				}
				case CHOICE -> {
					int[] given = answers.choices().get(item.id());
					int[] cells = new int[item.options().size()];
					int[] cellsInTool = new int[cells.length];
					for (int r = 0; r < given.length; r++) {
						if (in[r] && given[r] >= 0) {
							cells[given[r]]++;
							cellsInTool[given[r]] += answers.inTool()[r] != null ? 1 : 0;
						}
					}
					distributions.add(distribution(item.id(), item.text(), false,
							item.options().stream().map(Option::label).toList(), cells, cellsInTool, Double.NaN));
				}
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
