package org.coachapproach.outbox;

/**
 * A row claimed for delivery.
 *
 * @param id the row
 * @param attempt which attempt this is, from 1 (a claim counts as an attempt, so a row whose
 * delivery crashes the instance still reaches the dead state)
 */
public record Claim(long id, int attempt) {
}
