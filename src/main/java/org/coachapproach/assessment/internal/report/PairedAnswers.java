package org.coachapproach.assessment.internal.report;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The scale answers of the respondents who submitted both waves of a comparison, packed one
 * byte per answer ({@code 0} = not answered): {@code first[item][respondent]} and
 * {@code second[item][respondent]}, plus each respondent's subgroup ({@code 0} = not known
 * or not disclosed) per subgroup question.
 */
final class PairedAnswers {

	private final List<String> keys;

	private byte[][] first;

	private byte[][] second;

	private byte[][] groups;

	private boolean[] inTool = new boolean[64];

	/** In-tool respondents' pseudonyms, for {@link PublishedCells} only: never part of a report. */
	private ByteBuffer[] respondents = new ByteBuffer[64];

	private int size;

	PairedAnswers(List<String> keys, int subgroupQuestions) {
		this.keys = List.copyOf(keys);
		this.first = new byte[keys.size()][64];
		this.second = new byte[keys.size()][64];
		this.groups = new byte[subgroupQuestions][64];
	}

	void add(byte[] a, byte[] b, byte[] group, boolean inTool, byte[] respondent) {
		if (this.size == this.inTool.length) {
			this.inTool = Arrays.copyOf(this.inTool, this.size * 2);
			this.respondents = Arrays.copyOf(this.respondents, this.size * 2);
		}
		this.inTool[this.size] = inTool;
		this.respondents[this.size] = inTool ? ByteBuffer.wrap(respondent) : null;
		if (this.size == capacity()) {
			int grown = capacity() * 2;
			for (int i = 0; i < this.first.length; i++) {
				this.first[i] = Arrays.copyOf(this.first[i], grown);
				this.second[i] = Arrays.copyOf(this.second[i], grown);
			}
			for (int g = 0; g < this.groups.length; g++) {
				this.groups[g] = Arrays.copyOf(this.groups[g], grown);
			}
		}
		for (int i = 0; i < a.length; i++) {
			this.first[i][this.size] = a[i];
			this.second[i][this.size] = b[i];
		}
		for (int g = 0; g < group.length; g++) {
			this.groups[g][this.size] = group[g];
		}
		this.size++;
	}

	private int capacity() {
		return this.first.length > 0 ? this.first[0].length : this.groups.length > 0 ? this.groups[0].length : Integer.MAX_VALUE;
	}

	/** Item keys in instrument order (retrospective ones as {@code then-<item>}). */
	public List<String> keys() {
		return this.keys;
	}

	/** Respondents with both waves submitted. */
	public int size() {
		return this.size;
	}

	public int first(int item, int respondent) {
		return this.first[item][respondent];
	}

	public int second(int item, int respondent) {
		return this.second[item][respondent];
	}

	/** Whether the respondent answered in the tool, whose answers imported rows must never lift over a threshold. */
	public boolean inTool(int respondent) {
		return this.inTool[respondent];
	}

	/** The pseudonym of a respondent who answered in the tool, {@code null} for imported and synthetic ones. */
	ByteBuffer respondent(int respondent) {
		return this.respondents[respondent];
	}

	/** The respondent's group for a subgroup question, 1-based; 0 when not disclosed. */
	public int group(int question, int respondent) {
		return this.groups[question][respondent];
	}

}
