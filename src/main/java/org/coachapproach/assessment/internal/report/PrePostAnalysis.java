package org.coachapproach.assessment.internal.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.IntUnaryOperator;

import org.coachapproach.assessment.Adjustment;
import org.coachapproach.assessment.ComparisonRow;
import org.coachapproach.assessment.Distribution;
import org.coachapproach.assessment.IntersectionRow;
import org.coachapproach.assessment.PrePostReport;
import org.coachapproach.assessment.analysis.ScaleScore;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.ItemType;
import org.coachapproach.curriculum.Instrument.Section;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.CourseId;

import org.springframework.stereotype.Service;

/**
 * Builds the pre/post tables of an instrument: per item and per scale score (the mean of a
 * scored section's items, for respondents who answered at least half), among respondents with
 * both waves; optionally by subgroup, and the scale scores by two subgroups crossed. Every row
 * resting on fewer than five respondents is suppressed, and subgroup rows get complementary
 * suppression (in two ways for crossed ones).
 */
@Service
public class PrePostAnalysis {

	private final CohortReader reader;

	private final Curriculum curriculum;

	private final PublishedCells cells;

	PrePostAnalysis(CohortReader reader, Curriculum curriculum, PublishedCells cells) {
		this.reader = reader;
		this.curriculum = curriculum;
		this.cells = cells;
	}

	/** The subgroup questions reports may break results down by. */
	public List<Item> subgroupQuestions() {
		return this.curriculum.instrument(CohortReader.DEMOGRAPHICS)
			.map(i -> i.items().stream().filter(Item::subgroup).toList())
			.orElse(List.of());
	}

	public PrePostReport report(CourseId course, Instrument instrument, Wave second, Adjustment adjustment,
			String subgroupId) {
		return report(course, instrument, second, adjustment, subgroupId, null);
	}

	/**
	 * @param subgroupId the subgroup question to break every table down by, or {@code null}
	 * @param crossId a second subgroup question, crossed with the first for the scale scores
	 * (ignored without a first, or when it is the same)
	 */
	public PrePostReport report(CourseId course, Instrument instrument, Wave second, Adjustment adjustment,
			String subgroupId, String crossId) {
		return report(course, CohortReader.OWN, instrument, second, adjustment, subgroupId, crossId);
	}

	/**
	 * As {@link #report(CourseId, Instrument, Wave, Adjustment, String, String)}, for one cohort of
	 * the course: {@link CohortReader#OWN}, or an earlier cohort imported under its label, whose
	 * figures are published apart ({@code pre/post@2022-2023}).
	 */
	public PrePostReport report(CourseId course, String cohort, Instrument instrument, Wave second,
			Adjustment adjustment, String subgroupId, String crossId) {
		List<Item> scaleItems = instrument.items().stream()
			.filter(i -> i.type() == ItemType.SCALE && i.askedIn(Wave.PRE) && i.askedIn(second))
			.toList();
		List<String> keys = new ArrayList<>(scaleItems.stream().map(Item::id).toList());
		List<String> thenIds = second == Wave.POST && instrument.retrospective() != null
				? instrument.retrospective().itemIds() : List.of();
		thenIds.forEach(id -> keys.add(Instrument.Retrospective.answerKey(id)));
		Optional<CohortReader.Subgroup> subgroup = subgroup(subgroupId);
		Optional<CohortReader.Subgroup> cross = subgroup.flatMap(s -> subgroup(crossId))
			.filter(c -> !c.item().id().equals(subgroupId));
		List<CohortReader.Subgroup> questions = new ArrayList<>();
		subgroup.ifPresent(questions::add);
		cross.ifPresent(questions::add);
		PairedAnswers answers = this.reader.paired(course, cohort, instrument, Wave.PRE, second, keys, questions);

		List<Series> itemSeries = new ArrayList<>();
		for (Item item : scaleItems) {
			int k = keys.indexOf(item.id());
			itemSeries.add(new Series(item.id(), sectionOf(instrument, item), item.text(), r -> answers.first(k, r),
					r -> answers.second(k, r)));
		}
		List<Series> scaleSeries = new ArrayList<>();
		for (Section section : instrument.sections()) {
			if (!section.scored()) {
				continue;
			}
			int[] ks = section.items().stream().filter(scaleItems::contains).mapToInt(i -> keys.indexOf(i.id())).toArray();
			if (ks.length == 0) {
				continue;
			}
			scaleSeries.add(new Series(section.id(), section.title(), section.title(), r -> scaleScore(ks, r, answers, true),
					r -> scaleScore(ks, r, answers, false)));
		}
		List<Series> thenSeries = new ArrayList<>();
		for (String id : thenIds) {
			int then = keys.indexOf(Instrument.Retrospective.answerKey(id));
			int post = keys.indexOf(id);
			Item item = instrument.item(id).orElseThrow();
			thenSeries.add(new Series(Instrument.Retrospective.answerKey(id), sectionOf(instrument, item), item.text(),
					r -> answers.second(then, r), r -> answers.second(post, r)));
		}
		List<Series> all = new ArrayList<>(scaleSeries);
		all.addAll(itemSeries);
		List<Series> everySeries = new ArrayList<>(all);
		everySeries.addAll(thenSeries);
		String comparison = Wave.PRE.label() + "/" + second.label() + (cohort.isEmpty() ? "" : "@" + cohort);
		Counted counted = this.cells.publish(course, instrument.id(), comparison,
				gate -> counted(gate, answers, everySeries, scaleSeries, subgroup, cross));

		int pairsCounted = 0;
		int pairsInTool = 0;
		for (int r = 0; r < answers.size(); r++) {
			if (counted.pairs[r]) {
				pairsCounted++;
				pairsInTool += answers.inTool(r) ? 1 : 0;
			}
		}
		Integer pairs = Suppression.mayShow(pairsCounted, pairsInTool, Suppression.MIN_CELL) ? pairsCounted : null;
		List<ComparisonRow> items = rows(itemSeries, answers, counted, null);
		List<ComparisonRow> scales = rows(scaleSeries, answers, counted, null);
		// Then-items appear only once someone counted answered them (staff switched them on).
		List<Series> answeredThen = thenSeries.stream().filter(s -> java.util.stream.IntStream.range(0, answers.size())
			.anyMatch(r -> counted.overall.get(s.key)[r])).toList();
		List<ComparisonRow> retrospective = rows(answeredThen, answers, counted, null);
		List<ComparisonRow> byGroup = subgroup.map(s -> subgroupRows(s, all, answers, counted))
			.orElse(List.of());
		// Crossed, only the scale scores: every item in every cell would bury the page.
		List<IntersectionRow> intersections = cross
			.map(c -> intersectionRows(subgroup.orElseThrow(), c, scaleSeries, answers, counted))
			.orElse(List.of());
		java.util.Map<String, List<Distribution>> itemPoints = new java.util.LinkedHashMap<>();
		for (int i = 0; i < scaleItems.size(); i++) {
			Series s = itemSeries.get(i);
			boolean[] in = counted.overall.get(s.key);
			itemPoints.put(s.key, List.of(points(scaleItems.get(i), s, s.first, in, answers),
					points(scaleItems.get(i), s, s.second, in, answers)));
		}
		return new PrePostReport(instrument.id(), instrument.title(), Wave.PRE.label(), second.label(),
				Adjustment.NONE.label(), pairs, items, scales, retrospective, subgroup.map(s -> s.item().id()).orElse(null),
				byGroup, cross.map(c -> c.item().id()).orElse(null), intersections, itemPoints)
			.adjusted(adjustment);
	}

	/**
	 * Who each figure counts ({@link PublishedCells}): the pairs; per series, of all
	 * respondents; and, per series, whether a respondent counts in their group's cell (one way,
	 * and crossed). A cell's eligible respondents are those its series counts over all, so the
	 * cells stay a partition of the all-respondents row; those a cell does not count yet are
	 * added to the undisclosed group, which is never shown but takes part in the suppression.
	 */
	private static Counted counted(PublishedCells.Gate gate, PairedAnswers answers, List<Series> series,
			List<Series> scaleSeries, Optional<CohortReader.Subgroup> subgroup, Optional<CohortReader.Subgroup> cross) {
		int size = answers.size();
		boolean[] pairs = new boolean[size];
		gate.admit(PublishedCells.ALL, PublishedCells.COUNT, java.util.stream.IntStream.range(0, size).toArray(),
				answers::respondent, pairs);
		java.util.Map<String, boolean[]> overall = new java.util.HashMap<>();
		java.util.Map<String, boolean[]> grouped = new java.util.HashMap<>();
		java.util.Map<String, boolean[]> crossed = new java.util.HashMap<>();
		for (Series s : series) {
			boolean[] in = new boolean[size];
			gate.admit(PublishedCells.ALL, s.key, java.util.stream.IntStream.range(0, size)
				.filter(r -> s.first.value(r) > 0 && s.second.value(r) > 0).toArray(), answers::respondent, in);
			overall.put(s.key, in);
			if (subgroup.isEmpty()) {
				continue;
			}
			CohortReader.Subgroup first = subgroup.get();
			boolean[] inGroup = new boolean[size];
			admitByCell(gate, s.key, in, r -> answers.group(0, r) == 0 ? null
					: first.item().id() + "=" + first.groupIds().get(answers.group(0, r) - 1), answers, inGroup);
			grouped.put(s.key, inGroup);
			if (cross.isPresent() && scaleSeries.contains(s)) {
				CohortReader.Subgroup second = cross.get();
				boolean[] inCross = new boolean[size];
				admitByCell(gate, s.key, inGroup, r -> answers.group(1, r) == 0 ? null
						: first.item().id() + "=" + first.groupIds().get(answers.group(0, r) - 1) + "&"
								+ second.item().id() + "=" + second.groupIds().get(answers.group(1, r) - 1),
						answers, inCross);
				crossed.put(s.key, inCross);
			}
		}
		return new Counted(pairs, overall, grouped, crossed);
	}

	/** Admits, cell by cell ({@code cellOf}, {@code null} for undisclosed), the respondents {@code in} holds. */
	private static void admitByCell(PublishedCells.Gate gate, String figure, boolean[] in,
			java.util.function.IntFunction<String> cellOf, PairedAnswers answers, boolean[] counted) {
		java.util.Map<String, List<Integer>> byCell = new java.util.TreeMap<>();
		for (int r = 0; r < in.length; r++) {
			String cell = in[r] ? cellOf.apply(r) : null;
			if (cell != null) {
				byCell.computeIfAbsent(cell, c -> new ArrayList<>()).add(r);
			}
		}
		byCell.forEach((cell, members) -> gate.admit(cell, figure, members.stream().mapToInt(Integer::intValue).toArray(),
				answers::respondent, counted));
	}

	/**
	 * Per series key, who the figure counts: {@code overall} over all respondents;
	 * {@code grouped} and {@code crossed} whether the respondent counts in their own cell.
	 */
	private record Counted(boolean[] pairs, java.util.Map<String, boolean[]> overall,
			java.util.Map<String, boolean[]> grouped, java.util.Map<String, boolean[]> crossed) {
	}

	private Optional<CohortReader.Subgroup> subgroup(String id) {
		return subgroupQuestions().stream().filter(i -> i.id().equals(id)).findFirst().map(CohortReader.Subgroup::of);
	}

	/** Per group (in order), every series' row. Undisclosed answers (group 0) are never shown but take part in the suppression. */
	private static List<ComparisonRow> subgroupRows(CohortReader.Subgroup subgroup, List<Series> all, PairedAnswers answers,
			Counted counted) {
		int groups = subgroup.groupIds().size();
		boolean[] hidden = new boolean[groups + 1];
		hidden[0] = true;
		List<Cell> cells = new ArrayList<>();
		for (int g = 1; g <= groups; g++) {
			cells.add(new Cell(g, subgroup.groupLabels().get(g - 1)));
		}
		return breakdown(all, answers, groups + 1, s -> {
			boolean[] in = counted.overall.get(s.key);
			boolean[] inGroup = counted.grouped.get(s.key);
			return r -> !in[r] ? -1 : inGroup[r] ? answers.group(0, r) : 0;
		},
				(counts, inTool) -> Suppression.shown(counts, inTool, hidden, Suppression.MIN_CELL), cells);
	}

	/**
	 * Per pair of groups (first question's groups, each by the second's), every series' row;
	 * cells are numbered {@code first * (second groups + 1) + second}, 0 being "not disclosed".
	 */
	private static List<IntersectionRow> intersectionRows(CohortReader.Subgroup first, CohortReader.Subgroup second,
			List<Series> series, PairedAnswers answers, Counted counted) {
		int rows = first.groupIds().size() + 1;
		int columns = second.groupIds().size() + 1;
		boolean[] hiddenRows = new boolean[rows];
		hiddenRows[0] = true;
		boolean[] hiddenColumns = new boolean[columns];
		hiddenColumns[0] = true;
		List<Cell> cells = new ArrayList<>();
		for (int a = 1; a < rows; a++) {
			for (int b = 1; b < columns; b++) {
				cells.add(new Cell(a * columns + b,
						first.groupLabels().get(a - 1) + " × " + second.groupLabels().get(b - 1)));
			}
		}
		// Not yet counted in its group: the undisclosed row; in its group but not its pair of groups: the undisclosed column.
		List<ComparisonRow> byCell = breakdown(series, answers, rows * columns, s -> {
			boolean[] in = counted.overall.get(s.key);
			boolean[] inGroup = counted.grouped.get(s.key);
			boolean[] inCross = counted.crossed.get(s.key);
			return r -> !in[r] ? -1 : !inGroup[r] ? answers.group(1, r) : answers.group(0, r) * columns
					+ (inCross[r] ? answers.group(1, r) : 0);
		}, (counts, inTool) -> {
					int[][] table = new int[rows][];
					int[][] tableInTool = new int[rows][];
					for (int a = 0; a < rows; a++) {
						table[a] = Arrays.copyOfRange(counts, a * columns, (a + 1) * columns);
						tableInTool[a] = Arrays.copyOfRange(inTool, a * columns, (a + 1) * columns);
					}
					boolean[][] shown = Suppression.shown(table, tableInTool, hiddenRows, hiddenColumns,
							Suppression.MIN_CELL);
					boolean[] flat = new boolean[counts.length];
					for (int a = 0; a < rows; a++) {
						System.arraycopy(shown[a], 0, flat, a * columns, columns);
					}
					return flat;
				}, cells);
		List<IntersectionRow> result = new ArrayList<>();
		for (int i = 0; i < byCell.size(); i++) {
			int cell = cells.get(i / series.size()).index();
			result.add(new IntersectionRow(first.groupLabels().get(cell / columns - 1),
					second.groupLabels().get(cell % columns - 1), byCell.get(i)));
		}
		return result;
	}

	/**
	 * Rows of a breakdown into cells: per series, respondents counted per cell
	 * ({@code cellOf}), all and those in the tool, suppressed as a whole ({@code suppress}); then for each reported cell,
	 * in order, every series' row (the report adjusts p within each cell).
	 */
	private static List<ComparisonRow> breakdown(List<Series> all, PairedAnswers answers, int cellCount, java.util.function.Function<Series, IntUnaryOperator> cells, BiFunction<int[], int[], boolean[]> suppress,
			List<Cell> reported) {
		// per series, its row for each reported cell
		List<List<ComparisonRow>> bySeries = all.parallelStream().map(series -> {
			IntUnaryOperator cellOf = cells.apply(series);
			int[] counts = new int[cellCount];
			int[] inTool = new int[cellCount];
			for (int r = 0; r < answers.size(); r++) {
				int cell = cellOf.applyAsInt(r);
				if (cell >= 0 && series.first.value(r) > 0 && series.second.value(r) > 0) {
					counts[cell]++;
					inTool[cell] += answers.inTool(r) ? 1 : 0;
				}
			}
			boolean[] shown = suppress.apply(counts, inTool);
			List<ComparisonRow> rows = new ArrayList<>();
			for (Cell cell : reported) {
				int index = cell.index();
				rows.add(!shown[index] || counts[index] == 0
						? ComparisonRow.suppressed(series.key, series.section, series.label, cell.label())
						: row(series, answers, r -> cellOf.applyAsInt(r) == index, cell.label()));
			}
			return rows;
		}).toList();
		List<ComparisonRow> rows = new ArrayList<>();
		for (int c = 0; c < reported.size(); c++) {
			int cell = c;
			rows.addAll(bySeries.stream().map(list -> list.get(cell)).toList());
		}
		return rows;
	}

	private record Cell(int index, String label) {
	}

	/** Each series' row; in parallel, since each test is independent and the library's Wilcoxon dominates the time. */
	private static List<ComparisonRow> rows(List<Series> series, PairedAnswers answers, Counted counted, String group) {
		return series.parallelStream().map(s -> {
			boolean[] in = counted.overall.get(s.key);
			return row(s, answers, r -> in[r], group);
		}).toList();
	}

	private static ComparisonRow row(Series series, PairedAnswers answers, java.util.function.IntPredicate who,
			String group) {
		double[] first = new double[answers.size()];
		double[] second = new double[answers.size()];
		int n = 0;
		int inTool = 0;
		for (int r = 0; r < answers.size(); r++) {
			double a = series.first.value(r);
			double b = series.second.value(r);
			if (a > 0 && b > 0 && who.test(r)) {
				first[n] = a;
				second[n] = b;
				n++;
				inTool += answers.inTool(r) ? 1 : 0;
			}
		}
		if (!Suppression.mayShow(n, inTool, Suppression.MIN_CELL)) {
			return ComparisonRow.suppressed(series.key, series.section, series.label, group);
		}
		return new ComparisonRow(series.key, series.section, series.label, group, false,
				PairedStatistics.compare(java.util.Arrays.copyOf(first, n), java.util.Arrays.copyOf(second, n)), null);
	}

	/**
	 * One wave's answers to a scale item per point, over the respondents the item's row counts (as
	 * {@link #row}), under the distributions' suppression.
	 */
	private static Distribution points(Item item, Series series, Values wave, boolean[] in, PairedAnswers answers) {
		int points = item.scale().points();
		int[] cells = new int[points];
		int[] cellsInTool = new int[points];
		for (int r = 0; r < answers.size(); r++) {
			int v = (int) wave.value(r);
			if (in[r] && series.first.value(r) > 0 && series.second.value(r) > 0 && v >= 1 && v <= points) {
				cells[v - 1]++;
				cellsInTool[v - 1] += answers.inTool(r) ? 1 : 0;
			}
		}
		int n = Arrays.stream(cells).sum();
		double topTwo = n == 0 || points < 2 ? Double.NaN : 100.0 * (cells[points - 2] + cells[points - 1]) / n;
		return WaveAnalysis.distribution(item.id(), item.text(), true, item.scale().labels(), cells, cellsInTool, topTwo);
	}

	/** A respondent's scale score in one wave (the library's rule for missing items); 0 when there is none. */
	private static double scaleScore(int[] keys, int respondent, PairedAnswers answers, boolean first) {
		double[] items = new double[keys.length];
		for (int i = 0; i < keys.length; i++) {
			int v = first ? answers.first(keys[i], respondent) : answers.second(keys[i], respondent);
			items[i] = v == 0 ? Double.NaN : v;
		}
		double score = ScaleScore.of(items);
		return Double.isNaN(score) ? 0 : score;
	}

	private static String sectionOf(Instrument instrument, Item item) {
		return instrument.sections().stream().filter(s -> s.items().contains(item)).map(Section::title).findFirst()
			.orElse(null);
	}

	@FunctionalInterface
	private interface Values {

		double value(int respondent);

	}

	private record Series(String key, String section, String label, Values first, Values second) {
	}

}
