package org.coachapproach.curriculum;

import org.coachapproach.curriculum.internal.CurriculumLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The curriculum check refuses, with file and line, every Markdown construct the pages would
 * show as literal text. Each test adds one such construct to a copy of the real curriculum.
 */
class CurriculumMarkdownCheckTests {

	private static final String SESSION = "sessions/03-establishing-agreements.md";

	private static final String EXERCISE = "exercises/ex-listening-log.md";

	@TempDir
	Path copy;

	@BeforeEach
	void copyRealCurriculum() throws IOException {
		CurriculumCopy.into(this.copy);
	}

	@Test
	void shouldAcceptTheRealCurriculumsCaptionedTables() {
		Curriculum curriculum = CurriculumLoader.load(Path.of("curriculum"));
		ContentRenderer renderer = new ContentRenderer(curriculum);

		assertThat(renderer.html(curriculum.session(3).orElseThrow()))
			.contains("<table class=\"content-table\">")
			.contains("<caption>Elements of a designed alliance and the questions to agree on each</caption>")
			.contains("<th scope=\"col\">element</th>")
			.doesNotContain("|---|")
			.doesNotContain("Table: ");
	}

	@Test
	void shouldRefuseATableWhoseDelimiterRowDoesNotMatchItsHeader() throws IOException {
		int line = append(SESSION, """
				Table: Broken

				| a | b |
				|---|
				| 1 | 2 |""");

		assertThat(problems()).anySatisfy(problem(SESSION, line + 2, "this table row is not part of a table"))
			.anySatisfy(problem(SESSION, line, "a table caption ('Table: ...') must come directly before its table"));
	}

	@Test
	void shouldRefuseATableSplitByABlankLine() throws IOException {
		int line = append(EXERCISE, """
				Table: Split

				| a | b |
				|---|---|
				| 1 | 2 |

				| 3 | 4 |""");

		assertThat(problems()).singleElement()
			.satisfies(problem(EXERCISE, line + 6, "this table row is not part of a table and is shown as text"));
	}

	@Test
	void shouldRefuseATableWithoutACaption() throws IOException {
		int line = append(SESSION, """
				| a | b |
				|---|---|
				| 1 | 2 |""");

		assertThat(problems()).singleElement()
			.satisfies(problem(SESSION, line, "a table needs a caption: put a paragraph 'Table: what the table shows'"));
	}

	@Test
	void shouldRefuseARowWithMoreCellsThanItsHeader() throws IOException {
		int line = append(SESSION, """
				Table: Too wide

				| a | b |
				|---|---|
				| 1 | 2 \\| two |
				| 1 | 2 | 3 |""");

		assertThat(problems()).singleElement()
			.satisfies(problem(SESSION, line + 5, "this row has 3 cells but the header has 2"));
	}

	@Test
	void shouldRefuseRawHtml() throws IOException {
		int line = append(SESSION, """
				<div class="note">A block</div>

				Ask your <mentee name> about it.""");

		assertThat(problems()).hasSize(2)
			.anySatisfy(problem(SESSION, line, "raw HTML is shown as text, not rendered: '<div class=\"note\">"))
			.anySatisfy(problem(SESSION, line + 2, "raw HTML is shown as text, not rendered: '<mentee name>'"));
	}

	@Test
	void shouldRefuseADashLineUsedAsAHorizontalRule() throws IOException {
		int line = append(SESSION, """
				One part.

				---

				Another part.""");

		assertThat(problems()).singleElement()
			.satisfies(problem(SESSION, line + 2, "a '---' line is a horizontal rule: use a heading instead"));
	}

	@Test
	void shouldRefuseADashLineThatTurnsTextIntoAHeading() throws IOException {
		int line = append(EXERCISE, """
				A closing thought
				---""");

		assertThat(problems()).singleElement()
			.satisfies(problem(EXERCISE, line, "a line of '---' or '===' under text turns it into a heading"));
	}

	@Test
	void shouldRefuseCodeBlocks() throws IOException {
		int line = append(SESSION, """
				Text.

				    indented four spaces

				```
				fenced
				```""");

		assertThat(problems()).hasSize(2)
			.anySatisfy(problem(SESSION, line + 2, "text indented by four or more spaces is shown as literal code"))
			.anySatisfy(problem(SESSION, line + 4, "a code block ('```') is shown as literal text"));
	}

	@Test
	void shouldRefuseALinkThatDidNotParse() throws IOException {
		int line = append(SESSION, "See [the guide](https://example.org/a guide) first.");

		assertThat(problems()).singleElement()
			.satisfies(problem(SESSION, line, "a link that did not parse is shown as text"));
	}

	@Test
	void shouldRefuseALinkWithAnUnsafeAddress() throws IOException {
		int line = append(SESSION, "Open [the form](javascript:alert(1)).");

		assertThat(problems()).singleElement()
			.satisfies(problem(SESSION, line, "the link to 'javascript:alert(1)' is shown as plain text"));
	}

	@Test
	void shouldRefuseUnmatchedBold() throws IOException {
		int line = append(SESSION, "This is **not closed.");

		assertThat(problems()).singleElement().satisfies(problem(SESSION, line, "an unmatched '**' is shown as text"));
	}

	@Test
	void shouldRefuseAPlaceholderSplitAcrossLines() throws IOException {
		int line = append(SESSION, """
				Ask [[INSTITUTION: name of the
				faculty affairs office]] first.""");

		assertThat(problems()).singleElement()
			.satisfies(problem(SESSION, line, "a placeholder must be on one line"));
	}

	@Test
	void shouldRefuseMarkdownInPlainTextFields() throws IOException {
		Path session = this.copy.resolve(SESSION);
		List<String> lines = new java.util.ArrayList<>(Files.readAllLines(session));
		int objective = lines.indexOf("objectives:") + 2;
		lines.set(objective - 1, "  - By the end of this session, mentors can **open** a first conversation.");
		Files.write(session, lines);

		assertThat(problems()).singleElement().satisfies(problem(SESSION, objective,
				"'objectives' is plain text, shown as typed: remove the Markdown or HTML '**'"));
	}

	/** Appends {@code markdown} as the last paragraphs of {@code file}; returns the line it starts on. */
	private int append(String file, String markdown) throws IOException {
		Path path = this.copy.resolve(file);
		List<String> lines = Files.readAllLines(path);
		Files.writeString(path, String.join("\n", lines) + "\n\n" + markdown + "\n");
		return lines.size() + 2;
	}

	private static java.util.function.Consumer<CurriculumProblem> problem(String file, int line, String message) {
		return p -> {
			assertThat(p.file()).isEqualTo(file);
			assertThat(p.line()).isEqualTo(line);
			assertThat(p.message()).contains(message);
		};
	}

	private List<CurriculumProblem> problems() {
		try {
			CurriculumLoader.load(this.copy);
		}
		catch (InvalidCurriculumException ex) {
			return ex.problems();
		}
		throw new AssertionError("the broken curriculum loaded");
	}

}
