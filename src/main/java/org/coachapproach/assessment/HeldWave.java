package org.coachapproach.assessment;

import java.time.LocalDate;

/**
 * A wave whose window is open: answers given to it now enter the figures once it closes on
 * {@code closesOn} (in release batches). Only the windows decide this, never whether or how
 * many answered, so the notice cannot move when one person submits.
 */
public record HeldWave(String instrument, String title, String wave, LocalDate closesOn) {
}
