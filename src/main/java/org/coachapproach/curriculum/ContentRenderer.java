package org.coachapproach.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.coachapproach.curriculum.internal.CurriculumMarkdown;
import org.coachapproach.curriculum.internal.CurriculumMarkdown.TableCaption;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns the curriculum's Markdown into safe HTML: raw HTML in a file is shown as text, links
 * and images keep only http, https, mailto and relative addresses (others become plain text),
 * tables get their caption and header cells with {@code scope}, and {@code [[INSTITUTION: ...]]}
 * placeholders are marked so a program director sees what is still to fill in. The catalog is immutable, so every item is rendered once, at start-up.
 */
@Component
public final class ContentRenderer {

	/** A placeholder as it appears in already-escaped HTML text. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\[\\[INSTITUTION:[^\\]\\n]*\\]\\]");

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.urlSanitizer(new DefaultUrlSanitizer(CurriculumMarkdown.SAFE_SCHEMES))
		.extensions(CurriculumMarkdown.EXTENSIONS)
		.nodeRendererFactory(CaptionRenderer::new)
		.attributeProviderFactory(context -> (node, tagName, attributes) -> {
			if (node instanceof Link && isAbsolute(attributes.get("href"))) {
				// Another site usually refuses to be framed: open it beside the course instead.
				attributes.put("target", "_blank");
				attributes.put("rel", "noopener noreferrer");
			}
			else if (node instanceof TableCell cell && cell.isHeader()) {
				attributes.put("scope", "col");
			}
			else if (node instanceof TableBlock) {
				attributes.put("class", "content-table");
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
		Node document = CurriculumMarkdown.parse(markdown);
		UnsafeLinks unsafe = new UnsafeLinks();
		document.accept(unsafe);
		unsafe.neutralise();
		return markPlaceholders(this.renderer.render(document));
	}

	/** Whether a link or image address may be followed: http, https, mailto or relative. */
	public static boolean isSafeUrl(String url) {
		return CurriculumMarkdown.isSafeUrl(url);
	}

	private static boolean isAbsolute(String href) {
		return href != null && (href.startsWith("http://") || href.startsWith("https://"));
	}

	private static String markPlaceholders(String escapedHtml) {
		Matcher placeholder = PLACEHOLDER.matcher(escapedHtml);
		return placeholder.replaceAll(m -> Matcher.quoteReplacement("<mark class=\"placeholder\">" + m.group() + "</mark>"));
	}

	/** A table's caption as the first child of its {@code <table>}. */
	private static final class CaptionRenderer implements NodeRenderer {

		private final HtmlNodeRendererContext context;

		CaptionRenderer(HtmlNodeRendererContext context) {
			this.context = context;
		}

		@Override
		public Set<Class<? extends Node>> getNodeTypes() {
			return Set.of(TableCaption.class);
		}

		@Override
		public void render(Node caption) {
			HtmlWriter html = this.context.getWriter();
			html.line();
			html.tag("caption", this.context.extendAttributes(caption, "caption", Map.of()));
			for (Node child = caption.getFirstChild(); child != null; child = child.getNext()) {
				this.context.render(child);
			}
			html.tag("/caption");
			html.line();
		}

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
