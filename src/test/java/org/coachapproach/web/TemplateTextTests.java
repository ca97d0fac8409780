package org.coachapproach.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible string comes from a message bundle: text in templates must be replaced by a
 * {@code th:text} (what is written there is only the designer's preview), user-facing
 * attributes must be {@code th:} attributes, and every message key a template names exists.
 */
class TemplateTextTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern TOKEN = Pattern.compile("<!--.*?-->|<![^>]*>|<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*?)(/?)>|([^<]+)",
			Pattern.DOTALL);

	private static final Pattern USER_ATTRIBUTE = Pattern.compile("(?<![:\\w-])(title|alt|placeholder|aria-label|value)=\"([^\"]*)\"");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");

	private static final Set<String> VOID = Set.of("meta", "link", "input", "br", "img", "hr", "source", "track", "area",
			"base", "col", "embed", "wbr");

	private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove");

	@Test
	void shouldTakeEveryVisibleStringFromTheMessageBundles() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			problems.addAll(hardCodedText(TEMPLATES.relativize(template).toString(), Files.readString(template)));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void shouldNameOnlyMessageKeysThatExist() throws IOException {
		Properties messages = new Properties();
		for (String bundle : List.of("messages/messages.properties", "messages/demoplatform.properties",
				"messages/series.properties", "messages/progress.properties",
				"messages/curriculum.properties", "messages/lti.properties", "messages/matching.properties",
				"messages/outreach.properties", "messages/assessment.properties")) {
			try (var in = Files.newBufferedReader(Path.of("src/main/resources", bundle))) {
				messages.load(in);
			}
		}
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher key = MESSAGE_KEY.matcher(Files.readString(template));
			while (key.find()) {
				if (!messages.containsKey(key.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + key.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void shouldCatchAHardCodedString() {
		assertThat(hardCodedText("t.html", "<p>Hello</p>")).hasSize(1);
		assertThat(hardCodedText("t.html", "<p th:text=\"#{hello}\">Hello</p>")).isEmpty();
		assertThat(hardCodedText("t.html", "<a title=\"Open\" th:href=\"@{/}\" th:text=\"#{x}\">x</a>")).hasSize(1);
		assertThat(hardCodedText("t.html", "<input type=\"hidden\" name=\"state\" th:value=\"${state}\">")).isEmpty();
	}

	static List<String> hardCodedText(String name, String html) {
		List<String> problems = new ArrayList<>();
		Deque<Boolean> replaced = new ArrayDeque<>();
		Deque<String> open = new ArrayDeque<>();
		Matcher token = TOKEN.matcher(html);
		while (token.find()) {
			if (token.group(2) != null) {
				String tag = token.group(2).toLowerCase();
				String attributes = token.group(3);
				if (token.group(1).isEmpty()) {
					Matcher attribute = USER_ATTRIBUTE.matcher(attributes);
					while (attribute.find()) {
						boolean hidden = attribute.group(1).equals("value") && !attributes.contains("type=\"submit\"")
								&& !attributes.contains("type=\"button\"");
						if (!hidden && !attribute.group(2).isBlank()) {
							problems.add(name + ": <" + tag + "> has a literal " + attribute.group(1) + "=\"" + attribute.group(2) + "\"");
						}
					}
					boolean selfClosing = !token.group(4).isEmpty() || VOID.contains(tag);
					if (!selfClosing) {
						boolean replacing = REPLACING.stream().anyMatch(attributes::contains)
								|| (!replaced.isEmpty() && replaced.peek());
						replaced.push(replacing);
						open.push(tag);
					}
				}
				else if (!open.isEmpty()) {
					while (!open.isEmpty() && !open.pop().equals(tag)) {
						replaced.pop();
					}
					if (!replaced.isEmpty()) {
						replaced.pop();
					}
				}
			}
			else if (token.group(5) != null) {
				String text = token.group(5).strip();
				boolean inCode = open.contains("script") || open.contains("style");
				if (!text.isEmpty() && !inCode && !text.matches("[·|/&;#0-9\\s-]*") && (replaced.isEmpty() || !replaced.peek())) {
					problems.add(name + ": text \"" + text + "\" inside <" + open.peek() + "> is not from a message bundle");
				}
			}
		}
		return problems;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
		}
	}

}
