package org.coachapproach.assessment;

import java.util.List;

/** A free-text item's answers, in alphabetical order (not the order given); empty and {@code shown = false} under ten. */
public record Comments(String key, String text, boolean shown, List<String> answers) {
}
