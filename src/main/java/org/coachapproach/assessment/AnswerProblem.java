package org.coachapproach.assessment;

/**
 * Why an answer was refused. {@code code} names a message ({@code assessment.problem.<code>}),
 * {@code item} the item's id (or the posted name, for an unknown item).
 */
public record AnswerProblem(String item, String code) {
}
