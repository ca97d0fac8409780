package org.coachapproach.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns the curriculum's Markdown into safe HTML: raw HTML in a file is shown as text, links
 * and images keep only http, https, mailto and relative addresses (others become plain text),
 * and {@code [[INSTITUTION: ...]]} placeholders are marked so a program director sees what is
 * still to fill in. The catalog is immutable, so every item is rendered once, at start-up.
 */
@Component
public final class ContentRenderer {

	private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

	private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");

	/** A placeholder as it appears in already-escaped HTML text. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\[\\[INSTITUTION:[^\\]\\n]*\\]\\]");

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.urlSanitizer(new DefaultUrlSanitizer(SAFE_SCHEMES))
		.attributeProviderFactory(context -> (node, tagName, attributes) -> {
			if (node instanceof Link && isAbsolute(attributes.get("href"))) {
				// Another site usually refuses to be framed: open it beside the course instead.
				attributes.put("target", "_blank");
				attributes.put("rel", "noopener noreferrer");
			}
		})
		.build();

	private final Map<String, String> sessions;

	private final Map<String, String> exercises;

	/** Plain-text fields (objectives, behaviours, examples...), escaped and marked, by source text. */
	private final Map<String, String> texts = new ConcurrentHashMap<>();

	public ContentRenderer(Curriculum curriculum) {
		this.sessions = renderAll(curriculum.sessions(), TrainingSession::id, TrainingSession::body);
		this.exercises = renderAll(curriculum.exercises(), Exercise::id, Exercise::body);
	}

	private <T> Map<String, String> renderAll(List<T> items, Function<T, String> id, Function<T, String> body) {
		return items.stream().collect(Collectors.toUnmodifiableMap(id, item -> markdown(body.apply(item))));
	}

	/** The session's content as safe HTML. */
	public String html(TrainingSession session) {
		String html = this.sessions.get(session.id());
		return html != null ? html : markdown(session.body());
	}

	/** The exercise's instructions as safe HTML. */
	public String html(Exercise exercise) {
		String html = this.exercises.get(exercise.id());
		return html != null ? html : markdown(exercise.body());
	}

	/**
	 * A plain-text field from the catalog (not Markdown) as safe HTML: escaped, placeholders
	 * marked. Only for catalog text; anything people type is shown with plain escaping.
	 */
	public String inline(String text) {
		if (text == null) {
			return "";
		}
		if (!text.contains("[[")) {
			return HtmlUtils.htmlEscape(text);
		}
		return this.texts.computeIfAbsent(text, t -> markPlaceholders(HtmlUtils.htmlEscape(t)));
	}

	/** Renders any Markdown safely; not cached. */
	public String markdown(String markdown) {
		Node document = this.parser.parse(markdown == null ? "" : markdown);
		UnsafeLinks unsafe = new UnsafeLinks();
		document.accept(unsafe);
		unsafe.neutralise();
		return markPlaceholders(this.renderer.render(document));
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

	private static boolean isAbsolute(String href) {
		return href != null && (href.startsWith("http://") || href.startsWith("https://"));
	}

	private static String markPlaceholders(String escapedHtml) {
		Matcher placeholder = PLACEHOLDER.matcher(escapedHtml);
		return placeholder.replaceAll(m -> Matcher.quoteReplacement("<mark class=\"placeholder\">" + m.group() + "</mark>"));
	}

	/** Replaces links and images with an unsafe address by their text. */
	private static final class UnsafeLinks extends AbstractVisitor {

		private final List<Node> unsafe = new ArrayList<>();

		@Override
		public void visit(Link link) {
			if (!isSafeUrl(link.getDestination())) {
				this.unsafe.add(link);
			}
			visitChildren(link);
		}

		@Override
		public void visit(Image image) {
			if (!isSafeUrl(image.getDestination())) {
				this.unsafe.add(image);
			}
		}

		void neutralise() {
			for (Node node : this.unsafe) {
				if (node instanceof Image image) {
					StringBuilder alt = new StringBuilder();
					image.accept(new AbstractVisitor() {
						@Override
						public void visit(Text text) {
							alt.append(text.getLiteral());
						}
					});
					image.insertBefore(new Text(alt.toString()));
				}
				else {
					Node child = node.getFirstChild();
					while (child != null) {
						Node next = child.getNext();
						node.insertBefore(child);
						child = next;
					}
				}
				node.unlink();
			}
		}

	}

}
