package org.coachapproach.assessment.internal.responses;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Packs a response's answers into one text column: {@code item=value;item=value}. Item ids
 * and option values are kebab-case and scale values digits, so only free text needs
 * escaping (percent-encoding).
 */
public final class AnswerCodec {

	private AnswerCodec() {
	}

	public static String pack(Map<String, String> answers) {
		StringBuilder packed = new StringBuilder(answers.size() * 24);
		answers.forEach((item, value) -> {
			if (!packed.isEmpty()) {
				packed.append(';');
			}
			packed.append(item).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		return packed.toString();
	}

	public static Map<String, String> unpack(String packed) {
		Map<String, String> answers = new LinkedHashMap<>();
		forEach(packed, (item, value) -> answers.put(item, URLDecoder.decode(value, StandardCharsets.UTF_8)));
		return answers;
	}

	/** Walks the packed pairs without building a map; values are still encoded. */
	public static void forEach(String packed, BiConsumer<String, String> pair) {
		forEachAt(packed, (start, eq, end) -> pair.accept(packed.substring(start, eq), packed.substring(eq + 1, end)));
	}

	/**
	 * Walks the packed pairs by position, cutting nothing out: the reports read over a million
	 * answers and look keys up in place.
	 */
	public static void forEachAt(String packed, PairAt pair) {
		int start = 0;
		int length = packed.length();
		while (start < length) {
			int end = packed.indexOf(';', start);
			if (end < 0) {
				end = length;
			}
			int eq = packed.indexOf('=', start);
			if (eq > start && eq < end) {
				pair.accept(start, eq, end);
			}
			start = end + 1;
		}
	}

	/** One pair's place in the packed text: its item is {@code [start, eq)}, its encoded value {@code (eq, end)}. */
	@FunctionalInterface
	public interface PairAt {

		void accept(int start, int eq, int end);

	}

}
