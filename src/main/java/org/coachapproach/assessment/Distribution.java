package org.coachapproach.assessment;

import java.util.List;

/**
 * How one wave's answers to a scale or choice item spread over its points or options.
 * {@code counts} and {@code percents} hold {@code null} for suppressed cells; {@code agree}
 * is the share choosing the top two points of a scale, {@code null} when not a scale or when
 * showing it could give a hidden cell away. {@code n} is {@code null} when under five.
 */
public record Distribution(String key, String text, boolean scale, List<String> labels, Integer n,
		List<Integer> counts, List<Double> percents, Double agree) {
}
