package org.coachapproach.curriculum.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read field by field. Every missing, unknown or mistyped field is recorded
 * with its file and line, and reading goes on, so one pass reports every problem.
 */
public final class YamlFields {

	private final String file;

	private final int lineOffset;

	private final Problems problems;

	private final Node node;

	private final Map<String, NodeTuple> fields = new LinkedHashMap<>();

	private YamlFields(String file, int lineOffset, Problems problems, Node node) {
		this.file = file;
		this.lineOffset = lineOffset;
		this.problems = problems;
		this.node = node;
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode key) {
					if (this.fields.putIfAbsent(key.getValue(), tuple) != null) {
						problem(key, "duplicate field '" + key.getValue() + "'");
					}
				}
				else {
					problem(tuple.getKeyNode(), "field names must be plain text");
				}
			}
		}
	}

	/**
	 * Parses {@code text} as one YAML mapping; a syntax error or a document that is not a
	 * mapping is recorded and yields empty.
	 * @param lineOffset lines before {@code text} in its file (front matter starts after the
	 * first {@code ---})
	 */
	public static Optional<YamlFields> parse(String file, String text, int lineOffset, Problems problems) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(10);
		options.setCodePointLimit(1_000_000);
		Node root;
		try {
			root = new Yaml(options).compose(new java.io.StringReader(text));
		}
		catch (MarkedYAMLException ex) {
			Mark mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
			int line = mark != null ? mark.getLine() + 1 + lineOffset : 0;
			problems.add(file, line, "YAML does not parse: " + firstLine(ex.getProblem()));
			return Optional.empty();
		}
		catch (YAMLException ex) {
			problems.add(file, 0, "YAML does not parse: " + firstLine(ex.getMessage()));
			return Optional.empty();
		}
		if (!(root instanceof MappingNode)) {
			problems.add(file, root != null ? root.getStartMark().getLine() + 1 + lineOffset : 0,
					"expected a mapping of fields (name: value)");
			return Optional.empty();
		}
		return Optional.of(new YamlFields(file, lineOffset, problems, root));
	}

	private static String firstLine(String message) {
		return message == null ? "syntax error" : message.lines().findFirst().orElse(message).trim();
	}

	public String file() {
		return this.file;
	}

	public int line() {
		return lineOf(this.node);
	}

	/** Line of a field's value, or of this mapping when the field is absent. */
	public int line(String field) {
		NodeTuple tuple = this.fields.get(field);
		return tuple != null ? lineOf(tuple.getValueNode()) : line();
	}

	public boolean has(String field) {
		return this.fields.containsKey(field);
	}

	/** Records every field not among {@code allowed}, which usually is a typo. */
	public void allowOnly(Set<String> allowed) {
		this.fields.forEach((name, tuple) -> {
			if (!allowed.contains(name)) {
				problem(tuple.getKeyNode(), "unknown field '" + name + "' (expected one of: "
						+ String.join(", ", allowed.stream().sorted().toList()) + ")");
			}
		});
	}

	public String text(String field) {
		return scalar(field, true);
	}

	public String optionalText(String field) {
		return scalar(field, false);
	}

	/** A required whole number in [{@code min}, {@code max}]; 0 after a recorded problem. */
	public int number(String field, int min, int max) {
		String value = scalar(field, true);
		if (value == null) {
			return 0;
		}
		try {
			int number = Integer.parseInt(value.trim());
			if (number < min || number > max) {
				problem(this.fields.get(field).getValueNode(),
						"'" + field + "' must be between " + min + " and " + max + ", not " + number);
				return 0;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			problem(this.fields.get(field).getValueNode(), "'" + field + "' must be a whole number, not '" + value + "'");
			return 0;
		}
	}

	/** A list of text items; absent gives an empty list, or a problem when {@code minItems > 0}. */
	public List<String> texts(String field, int minItems) {
		List<String> texts = new ArrayList<>();
		for (Node item : sequence(field, minItems)) {
			if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
				texts.add(scalar.getValue().strip());
			}
			else if (item instanceof MappingNode) {
				problem(item, "an item of '" + field
						+ "' reads as 'name: value', not text: put text that contains ': ' in double quotes");
			}
			else {
				problem(item, "each item of '" + field + "' must be non-empty text");
			}
		}
		return texts;
	}

	/** A list of mappings. */
	public List<YamlFields> mappings(String field, int minItems) {
		List<YamlFields> mappings = new ArrayList<>();
		for (Node item : sequence(field, minItems)) {
			if (item instanceof MappingNode) {
				mappings.add(new YamlFields(this.file, this.lineOffset, this.problems, item));
			}
			else {
				problem(item, "each item of '" + field + "' must be a mapping of fields");
			}
		}
		return mappings;
	}

	/** A nested mapping; absent gives empty, anything else than a mapping a problem. */
	public Optional<YamlFields> mapping(String field) {
		NodeTuple tuple = this.fields.get(field);
		if (tuple == null) {
			return Optional.empty();
		}
		if (!(tuple.getValueNode() instanceof MappingNode)) {
			problem(tuple.getValueNode(), "'" + field + "' must be a mapping of fields");
			return Optional.empty();
		}
		return Optional.of(new YamlFields(this.file, this.lineOffset, this.problems, tuple.getValueNode()));
	}

	/** Records a problem for each listed id that {@code known} does not contain. */
	public void checkReferences(String field, java.util.Collection<String> ids, Set<String> known, String what) {
		ids.stream().filter(id -> !known.contains(id))
			.forEach(id -> problem(line(field), "unknown " + what + " '" + id + "'"));
	}

	public void problem(int line, String message) {
		this.problems.add(this.file, line, message);
	}

	private List<Node> sequence(String field, int minItems) {
		NodeTuple tuple = this.fields.get(field);
		if (tuple == null) {
			if (minItems > 0) {
				problem(this.node, "missing required field '" + field + "'");
			}
			return Collections.emptyList();
		}
		Node value = tuple.getValueNode();
		if (value instanceof ScalarNode scalar && scalar.getValue().isEmpty() && minItems == 0) {
			return Collections.emptyList();
		}
		if (!(value instanceof SequenceNode sequence)) {
			problem(value, "'" + field + "' must be a list");
			return Collections.emptyList();
		}
		if (sequence.getValue().size() < minItems) {
			problem(value, "'" + field + "' needs at least " + minItems + (minItems == 1 ? " item" : " items"));
		}
		return sequence.getValue();
	}

	private String scalar(String field, boolean required) {
		NodeTuple tuple = this.fields.get(field);
		if (tuple == null) {
			if (required) {
				problem(this.node, "missing required field '" + field + "'");
			}
			return null;
		}
		if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
			problem(tuple.getValueNode(), "'" + field + "' must be text, not a list or mapping");
			return null;
		}
		if (required && scalar.getValue().isBlank()) {
			problem(scalar, "'" + field + "' must not be empty");
			return null;
		}
		return scalar.getValue().isBlank() ? null : scalar.getValue().strip();
	}

	private void problem(Node at, String message) {
		this.problems.add(this.file, lineOf(at), message);
	}

	private int lineOf(Node at) {
		return at.getStartMark().getLine() + 1 + this.lineOffset;
	}

}
