package org.coachapproach.curriculum;

import org.coachapproach.curriculum.internal.CurriculumLoader;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentRendererTests {

	static ContentRenderer renderer;

	static Curriculum curriculum;

	@BeforeAll
	static void load() {
		curriculum = CurriculumLoader.load(Path.of("curriculum"));
		renderer = new ContentRenderer(curriculum);
	}

	@Test
	void shouldShowScriptTagsAndRawHtmlAsText() {
		String html = renderer.markdown("Hello <script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n<div onclick=\"x()\">block</div>");

		assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<div")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(2)&gt;");
	}

	@Test
	void shouldDropUnsafeLinksAndKeepTheirText() {
		String html = renderer.markdown("""
				[click](javascript:alert(1)) [spaced](java\tscript:alert(1)) [entity](jav&#x61;script:alert(1))
				[data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox) ![pic](javascript:alert(3))
				<javascript:alert(4)>""");

		assertThat(html.toLowerCase()).doesNotContain("href").doesNotContain("src=").doesNotContain("<a ")
			.doesNotContain("<img");
		assertThat(html).contains("click").contains("entity").contains("data").contains("pic");
	}

	@Test
	void shouldKeepHttpMailtoAndRelativeLinks() {
		String html = renderer.markdown("[a](https://example.org/x) [b](mailto:staff@example.edu) [c](/sessions/2) [d](notes.html)");

		assertThat(html).containsPattern("<a [^>]*href=\"https://example.org/x\"[^>]*>a</a>")
			.containsPattern("<a [^>]*target=\"_blank\"[^>]*>a</a>")
			.containsPattern("<a [^>]*rel=\"noopener noreferrer\"[^>]*>a</a>")
			.containsPattern("<a [^>]*href=\"mailto:staff@example.edu\"[^>]*>b</a>")
			.containsPattern("<a [^>]*href=\"/sessions/2\"[^>]*>c</a>")
			.containsPattern("<a [^>]*href=\"notes.html\"[^>]*>d</a>");
	}

	@Test
	void shouldRenderATableWithItsCaptionAndColumnHeaders() {
		String html = renderer.markdown("""
				Table: The *alliance*, by element

				| element | questions to agree |
				|---|---|
				| Purpose | What do you want from this year? |
				| Fit | Ask [[INSTITUTION: staff contact]] |""");

		assertThat(html).startsWith("<table class=\"content-table\">")
			.contains("<caption>The <em>alliance</em>, by element</caption>")
			.contains("<th scope=\"col\">element</th>").contains("<th scope=\"col\">questions to agree</th>")
			.contains("<td>Purpose</td>")
			.contains("<mark class=\"placeholder\">[[INSTITUTION: staff contact]]</mark>")
			.doesNotContain("Table:").doesNotContain("<p>");
	}

	@Test
	void shouldMarkInstitutionPlaceholders() {
		assertThat(renderer.markdown("Ask [[INSTITUTION: name of the faculty affairs office]] first."))
			.contains("<mark class=\"placeholder\">[[INSTITUTION: name of the faculty affairs office]]</mark>");
		assertThat(renderer.inline("See [[INSTITUTION: EAP <contact>]] & more"))
			.isEqualTo("See <mark class=\"placeholder\">[[INSTITUTION: EAP &lt;contact&gt;]]</mark> &amp; more");
		assertThat(renderer.html(curriculum.session(5).orElseThrow()))
			.contains("<mark class=\"placeholder\">[[INSTITUTION: scheduling support offered by program staff]]</mark>");
	}

	@Test
	void shouldRenderEachItemOnce() {
		TrainingSession session = curriculum.session(1).orElseThrow();
		assertThat(renderer.html(session)).isSameAs(renderer.html(session)).contains("<h2>");
		Exercise exercise = curriculum.exercises().get(0);
		assertThat(renderer.html(exercise)).isSameAs(renderer.html(exercise));
	}

}
