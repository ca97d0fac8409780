package org.coachapproach.curriculum.internal;

import java.util.List;
import java.util.Optional;

/**
 * A Markdown file split into its YAML front matter and its body; {@code bodyLine} is the
 * file's line (from 1) where the body starts, for problems found in it.
 */
public record MarkdownDocument(YamlFields frontMatter, String body, int bodyLine) {

	private static final String FENCE = "---";

	/**
	 * Splits {@code text}, which must open with a {@code ---} line and close its front matter
	 * with another; problems are recorded and yield empty.
	 */
	public static Optional<MarkdownDocument> parse(String file, String text, Problems problems) {
		List<String> lines = text.lines().toList();
		if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
			problems.add(file, 1, "front matter missing: the file must start with a '---' line");
			return Optional.empty();
		}
		int close = -1;
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).strip().equals(FENCE)) {
				close = i;
				break;
			}
		}
		if (close < 0) {
			problems.add(file, 1, "front matter not closed: add a '---' line after it");
			return Optional.empty();
		}
		String yaml = String.join("\n", lines.subList(1, close));
		int first = close + 1;
		while (first < lines.size() && lines.get(first).isBlank()) {
			first++;
		}
		String body = String.join("\n", lines.subList(first, lines.size())).stripTrailing();
		int bodyLine = first + 1;
		return YamlFields.parse(file, yaml, 1, problems).map(fields -> new MarkdownDocument(fields, body, bodyLine));
	}

}
