package org.coachapproach.curriculum.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The Markdown the curriculum is written in: CommonMark with GFM tables, where a paragraph
 * {@code Table: ...} directly before a table is its caption. The renderer and the loader's
 * check parse with this one parser, so the check refuses exactly what the pages would show as
 * literal text (raw HTML, a table that did not parse, a broken link...).
 */
public final class CurriculumMarkdown {

	/** What starts a table's caption paragraph (as in Pandoc). */
	public static final String CAPTION = "Table: ";

	public static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	/** The only schemes a link or image may use; any other address is shown as plain text. */
	public static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

	private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");

	/** Markdown that a plain-text field (objectives, prompts, behaviours...) would show as typed. */
	private static final Pattern MARKUP_IN_PLAIN_TEXT = Pattern.compile("\\*\\*|__|\\]\\(|`|<[A-Za-z/][^>]*>");

	private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");

	private static final Parser PARSER = Parser.builder()
		.extensions(EXTENSIONS)
		.includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
		.build();

	private CurriculumMarkdown() {
	}

	/** Parses a body and turns each {@code Table: ...} paragraph directly before a table into its caption. */
	public static Node parse(String markdown) {
		Node document = PARSER.parse(markdown == null ? "" : markdown);
		List<TableBlock> tables = new ArrayList<>();
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(CustomBlock block) {
				if (block instanceof TableBlock table) {
					tables.add(table);
				}
				visitChildren(block);
			}
		});
		for (TableBlock table : tables) {
			if (table.getPrevious() instanceof Paragraph paragraph && isCaption(paragraph)) {
				TableCaption caption = new TableCaption();
				Text first = (Text) paragraph.getFirstChild();
				first.setLiteral(first.getLiteral().substring(CAPTION.length()).stripLeading());
				Node child = paragraph.getFirstChild();
				while (child != null) {
					Node next = child.getNext();
					caption.appendChild(child);
					child = next;
				}
				paragraph.unlink();
				table.prependChild(caption);
			}
		}
		return document;
	}

	/** Whether a link or image address may be followed: http, https, mailto or relative. */
	public static boolean isSafeUrl(String url) {
		if (url == null) {
			return false;
		}
		// Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
		String compact = url.chars()
			.filter(c -> c > 0x20 && c != 0x7f)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.toLowerCase(Locale.ROOT);
		Matcher scheme = SCHEME.matcher(compact);
		return !scheme.find() || SAFE_SCHEMES.contains(scheme.group(1));
	}

	/**
	 * Records, with its line in {@code file}, every construct of {@code body} that the pages
	 * would show as literal text or not at all. {@code firstLine} is the file line the body
	 * starts on.
	 */
	public static void check(String file, int firstLine, String body, Problems problems) {
		List<String> lines = body.lines().toList();
		parse(body).accept(new Checker(file, firstLine, lines, problems));
	}

	/**
	 * The first piece of Markdown or HTML in a plain-text field, which the pages would show as
	 * typed ({@code **}, {@code __}, {@code ](}, a backtick or a tag), if any.
	 */
	public static Optional<String> markupInPlainText(String text) {
		Matcher markup = MARKUP_IN_PLAIN_TEXT.matcher(text == null ? "" : text);
		return markup.find() ? Optional.of(markup.group()) : Optional.empty();
	}

	private static boolean isCaption(Paragraph paragraph) {
		return paragraph.getFirstChild() instanceof Text text && text.getLiteral().startsWith(CAPTION);
	}

	/** A table's caption, taken from the {@code Table: ...} paragraph before it. */
	public static final class TableCaption extends CustomBlock {

	}

	private static final class Checker extends AbstractVisitor {

		private final String file;

		private final int firstLine;

		private final List<String> lines;

		private final Problems problems;

		Checker(String file, int firstLine, List<String> lines, Problems problems) {
			this.file = file;
			this.firstLine = firstLine;
			this.lines = lines;
			this.problems = problems;
		}

		@Override
		public void visit(HtmlBlock html) {
			problem(html, "raw HTML is shown as text, not rendered: '" + shorten(html.getLiteral())
					+ "'; write it in Markdown");
		}

		@Override
		public void visit(HtmlInline html) {
			problem(html, "raw HTML is shown as text, not rendered: '" + html.getLiteral()
					+ "'; write it in Markdown (a placeholder is written [[INSTITUTION: ...]])");
		}

		@Override
		public void visit(ThematicBreak rule) {
			problem(rule, "a '" + rule.getLiteral().strip() + "' line is a horizontal rule: use a heading instead");
		}

		@Override
		public void visit(Heading heading) {
			if (heading.getSourceSpans().size() > 1) {
				problem(heading, "a line of '---' or '===' under text turns it into a heading: write the heading as '## "
						+ "Title' and don't use '---' lines in the body");
			}
			visitChildren(heading);
		}

		@Override
		public void visit(IndentedCodeBlock code) {
			problem(code, "text indented by four or more spaces is shown as literal code: remove the indentation "
					+ "(inside a list, line it up with the item's text)");
		}

		@Override
		public void visit(FencedCodeBlock code) {
			problem(code, "a code block ('" + code.getFenceCharacter().repeat(3)
					+ "') is shown as literal text: remove the fence");
		}

		@Override
		public void visit(Paragraph paragraph) {
			if (isCaption(paragraph)) {
				problem(paragraph, "a table caption ('" + CAPTION.strip() + " ...') must come directly before its table");
			}
			for (SourceSpan span : paragraph.getSourceSpans()) {
				if (source(span).strip().startsWith("|")) {
					problem(span.getLineIndex(), "this table row is not part of a table and is shown as text: a table "
							+ "needs a header row, then a delimiter row like '| --- | --- |' with as many cells, and no "
							+ "blank line between its rows");
					break;
				}
			}
			visitChildren(paragraph);
		}

		@Override
		public void visit(CustomBlock block) {
			if (block instanceof TableBlock table) {
				if (!(table.getFirstChild() instanceof TableCaption)) {
					problem(table, "a table needs a caption: put a paragraph '" + CAPTION
							+ "what the table shows' directly before it");
				}
				checkRows(table);
			}
			visitChildren(block);
		}

		private void checkRows(TableBlock table) {
			Node head = table.getFirstChild() instanceof TableCaption ? table.getFirstChild().getNext()
					: table.getFirstChild();
			if (!(head instanceof TableHead) || !(head.getFirstChild() instanceof TableRow header)) {
				return;
			}
			int columns = cells(header);
			for (Node body = head.getNext(); body != null; body = body.getNext()) {
				for (Node row = body.getFirstChild(); row != null; row = row.getNext()) {
					int cells = cells(row);
					if (cells > columns) {
						problem(row, "this row has " + cells + " cells but the header has " + columns
								+ ": the extra cells are not shown (write '\\|' for a '|' inside a cell)");
					}
				}
			}
		}

		/** Cells as written in the row's source (the parsed row drops those beyond the header's). */
		private int cells(Node row) {
			String text = row.getSourceSpans().isEmpty() ? "" : source(row.getSourceSpans().get(0)).strip();
			if (text.startsWith("|")) {
				text = text.substring(1);
			}
			if (text.endsWith("|") && !text.endsWith("\\|")) {
				text = text.substring(0, text.length() - 1);
			}
			return UNESCAPED_PIPE.split(text, -1).length;
		}

		@Override
		public void visit(Text text) {
			String literal = text.getLiteral();
			if (literal.contains("](") || literal.contains("][")) {
				problem(text, "a link that did not parse is shown as text: '" + shorten(literal)
						+ "'; write [text](https://address) with no space in the address");
			}
			if (literal.contains("**")) {
				problem(text, "an unmatched '**' is shown as text: close the bold text on the same paragraph");
			}
			int placeholder = literal.indexOf("[[INSTITUTION:");
			if (placeholder >= 0 && !literal.substring(placeholder).contains("]]")) {
				problem(text, "a placeholder must be on one line: [[INSTITUTION: ...]]");
			}
		}

		@Override
		public void visit(Link link) {
			if (!isSafeUrl(link.getDestination())) {
				problem(link, "the link to '" + link.getDestination() + "' is shown as plain text: links must be "
						+ "http(s), mailto or relative");
			}
			visitChildren(link);
		}

		@Override
		public void visit(Image image) {
			if (!isSafeUrl(image.getDestination())) {
				problem(image, "the image at '" + image.getDestination() + "' is not shown: images must be http(s) "
						+ "or relative");
			}
		}

		private String source(SourceSpan span) {
			String line = this.lines.get(span.getLineIndex());
			int end = Math.min(line.length(), span.getColumnIndex() + span.getLength());
			return line.substring(Math.min(span.getColumnIndex(), end), end);
		}

		private void problem(Node node, String message) {
			problem(node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex(), message);
		}

		private void problem(int lineIndex, String message) {
			this.problems.add(this.file, this.firstLine + lineIndex, message);
		}

		private static String shorten(String text) {
			String line = text.strip().lines().findFirst().orElse("");
			return line.length() > 60 ? line.substring(0, 57) + "..." : line;
		}

	}

}
