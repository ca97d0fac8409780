package org.coachapproach.outreach;

import java.util.Locale;
import java.util.Map;

import org.coachapproach.people.ProgramId;

/**
 * SPI: the module that sends a kind of reminder shows staff what it looks like. Implement it
 * as a bean; the staff preview page renders {@link #template()} with {@link #model(Locale)}.
 */
public interface ReminderSample {

	ReminderKind kind();

	/** The template under {@code templates/mail/}: {@code <name>.html} and {@code <name>.txt}. */
	String template();

	/** A realistic model, e.g. the next upcoming session. */
	Map<String, Object> model(Locale locale);

	/** A realistic model from the program's own data; by default the same for every program. */
	default Map<String, Object> model(ProgramId program, Locale locale) {
		return model(locale);
	}

}
