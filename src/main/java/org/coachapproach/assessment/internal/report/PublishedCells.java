package org.coachapproach.assessment.internal.report;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import javax.sql.DataSource;

import org.coachapproach.people.CourseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every reported figure's respondents growing in steps of at least
 * {@link Suppression#MIN_CELL} people who answered in the tool, and never shrinking.
 * <p>
 * Release batches are per wave, but a pre/post pair needs two waves and a subgroup row needs
 * demographics too: one wave's batch of five may complete a single pair, or place a single
 * person in a group, and comparing the report before and after would give that person's
 * answers. So each figure (a comparison of waves, a cell of respondents, an item or score)
 * remembers the in-tool respondents it has been published over; a report counts those
 * (still eligible) until at least five more are eligible, and then publishes and counts all
 * of them. Imported and synthetic rows are never recorded and always count: they do not
 * arrive one person at a time, and {@link Suppression} counts them apart.
 * <p>
 * A comparison of waves is keyed {@code pre/post} or {@code pre/followup}, its figures by the
 * series' key; a single wave's items ({@link WaveAnalysis}) are keyed by the wave alone
 * ({@code post}), their figures {@code dist:<item>} and {@code comments:<item>}, so an item
 * people may leave blank cannot gain one answer inside a batch of five respondents.
 */
@Component
class PublishedCells {

	/** The figure of a cell's count of respondents, as opposed to an item's or score's. */
	static final String COUNT = "";

	/** The cell of all respondents, as opposed to a subgroup's. */
	static final String ALL = "";

	private static final Logger log = LoggerFactory.getLogger(PublishedCells.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	PublishedCells(DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * Decides who every figure of a comparison counts. {@code decide} asks the gate about each
	 * figure and must do nothing else that lasts: when a figure grows, it runs again inside a
	 * transaction that first takes the comparison's publication row, against the sets other
	 * instances committed meanwhile, so two instances never publish two different sets.
	 */
	public <T> T publish(CourseId course, String instrumentId, String comparison, Function<Gate, T> decide) {
		Gate gate = new Gate(read(course, instrumentId, comparison), true);
		T decided = decide.apply(gate);
		if (gate.fresh.isEmpty()) {
			return decided;
		}
		try {
			return this.transactions.execute(status -> {
				this.jdbc.update("""
						INSERT INTO assessment_publication (course_id, instrument_id, comparison, publications)
						VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE publications = publications + 1""", course.value(),
						instrumentId, comparison);
				Gate locked = new Gate(read(course, instrumentId, comparison), true);
				T result = decide.apply(locked);
				insert(course, instrumentId, comparison, locked.fresh);
				return result;
			});
		}
		catch (ConcurrencyFailureException ex) {
			// Another instance is publishing (Galera certified it first): the sets already published are safe to show.
			log.debug("Publication of {} {} in course {} left to another instance", instrumentId, comparison,
					course.value(), ex);
			return decide.apply(new Gate(read(course, instrumentId, comparison), false));
		}
	}

	private Map<Unit, Set<ByteBuffer>> read(CourseId course, String instrumentId, String comparison) {
		Map<Unit, Set<ByteBuffer>> published = new HashMap<>();
		// Each respondent is in many figures: one key object and one Unit per figure, not one per row.
		Map<ByteBuffer, ByteBuffer> respondents = new HashMap<>();
		Map<Unit, Unit> units = new HashMap<>();
		this.jdbc.query("""
				SELECT cell, figure, respondent FROM assessment_published_cell
				WHERE course_id = ? AND instrument_id = ? AND comparison = ?""", (ResultSet rs) -> {
			Unit unit = units.computeIfAbsent(new Unit(rs.getString(1), rs.getString(2)), u -> u);
			ByteBuffer who = respondents.computeIfAbsent(ByteBuffer.wrap(rs.getBytes(3)), b -> b);
			published.computeIfAbsent(unit, u -> new HashSet<>()).add(who);
		}, course.value(), instrumentId, comparison);
		return published;
	}

	private void insert(CourseId course, String instrumentId, String comparison, Map<Unit, List<ByteBuffer>> fresh) {
		// In chunks: a first publication of a large cohort is figures x respondents rows.
		List<Object[]> rows = new ArrayList<>(INSERT_CHUNK);
		for (Map.Entry<Unit, List<ByteBuffer>> entry : fresh.entrySet()) {
			for (ByteBuffer who : entry.getValue()) {
				rows.add(new Object[] { course.value(), instrumentId, comparison, entry.getKey().cell(),
						entry.getKey().figure(), who.array() });
				if (rows.size() == INSERT_CHUNK) {
					insertRows(rows);
					rows.clear();
				}
			}
		}
		if (!rows.isEmpty()) {
			insertRows(rows);
		}
	}

	private static final int INSERT_CHUNK = 5_000;

	private void insertRows(List<Object[]> rows) {
		// IGNORE: a row another instance wrote first is the same fact, not a conflict.
		this.jdbc.batchUpdate("""
				INSERT IGNORE INTO assessment_published_cell (course_id, instrument_id, comparison, cell, figure, respondent)
				VALUES (?, ?, ?, ?, ?, ?)""", rows);
	}

	private record Unit(String cell, String figure) {
	}

	/** The published sets of one comparison, and the figures that grow in this report. */
	public static final class Gate {

		private final Map<Unit, Set<ByteBuffer>> published;

		private final boolean mayGrow;

		private final Map<Unit, List<ByteBuffer>> fresh = new LinkedHashMap<>();

		Gate(Map<Unit, Set<ByteBuffer>> published, boolean mayGrow) {
			this.published = published;
			this.mayGrow = mayGrow;
		}

		/**
		 * Marks in {@code counted} whom a figure counts, of those eligible for it now.
		 * @param eligible the respondents (indexes) the figure would rest on without this rule
		 * @param inTool a respondent's pseudonym when they answered in the tool, else {@code null}
		 */
		void admit(String cell, String figure, int[] eligible, IntFunction<ByteBuffer> inTool, boolean[] counted) {
			admit(cell, figure, eligible, inTool, counted, Suppression.MIN_CELL);
		}

		/**
		 * As {@link #admit(String, String, int[], IntFunction, boolean[])}, growing only by at least
		 * {@code step} in-tool respondents: free text is shown from {@link Suppression#MIN_TEXT} writers on,
		 * so a list of comments must not grow by fewer either, or the difference would be one person's words.
		 */
		void admit(String cell, String figure, int[] eligible, IntFunction<ByteBuffer> inTool, boolean[] counted,
				int step) {
			Unit unit = new Unit(cell, figure);
			Set<ByteBuffer> before = this.published.getOrDefault(unit, Set.of());
			List<ByteBuffer> newcomers = new ArrayList<>();
			int[] waiting = new int[eligible.length];
			for (int r : eligible) {
				ByteBuffer who = inTool.apply(r);
				if (who == null || before.contains(who)) {
					counted[r] = true;
				}
				else {
					waiting[newcomers.size()] = r;
					newcomers.add(who);
				}
			}
			// Published members no longer eligible (a deleted response) simply drop out of the count here.
			if (this.mayGrow && newcomers.size() >= step) {
				for (int i = 0; i < newcomers.size(); i++) {
					counted[waiting[i]] = true;
				}
				this.fresh.put(unit, newcomers);
			}
		}

	}

}
