package org.coachapproach.lti.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Exercise;
import org.coachapproach.curriculum.TrainingSession;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Everything the tool can place in a course, from the loaded curriculum, and the page each
 * placed item opens. An item that no longer exists opens nothing: the launch explains why.
 */
@Component
public class ContentCatalog {

	static final int SESSION_POINTS = 10;

	static final int EXERCISE_POINTS = 5;

	static final int RECORDING_POINTS = 1;

	private final Curriculum curriculum;

	private final List<Offer> offers;

	ContentCatalog(Curriculum curriculum, MessageSource messages) {
		this.curriculum = curriculum;
		this.offers = List.copyOf(build(curriculum, key -> messages.getMessage(key, null, Locale.ENGLISH)));
	}

	/** In picker order: sessions with their exercises, competencies, recordings, then program tools. */
	public List<Offer> offers() {
		return this.offers;
	}

	public Optional<Offer> offer(PlacedItem item) {
		return this.offers.stream().filter(o -> o.item().equals(item)).findFirst();
	}

	/** The number of the training session with this id. */
	public Optional<Integer> sessionNumber(String sessionId) {
		return this.curriculum.session(sessionId).map(TrainingSession::number);
	}

	/** The tool page a placed item opens, when the item still exists. */
	public Optional<String> path(PlacedItem item) {
		return offer(item).map(o -> switch (item.kind()) {
			case SESSION -> "/sessions/" + item.id();
			case EXERCISE -> "/exercises/" + item.id();
			case COMPETENCY -> "/competencies/" + item.id();
			case RECORDING -> "/series/" + item.id();
			case SURVEY -> "/surveys/" + item.id().replace(':', '/');
			case INTAKE -> "/matching/intake";
			case MEETINGS -> "/matching/meetings";
		});
	}

	private static List<Offer> build(Curriculum curriculum, UnaryOperator<String> text) {
		List<Offer> offers = new ArrayList<>();
		for (TrainingSession session : curriculum.sessions()) {
			offers.add(new Offer(PlacedItem.session(session.number()), "sessions",
					session.number() + ". " + session.title(), session.summary(), null, true, SESSION_POINTS));
			for (String exerciseId : session.exerciseIds()) {
				curriculum.exercise(exerciseId).ifPresent(exercise -> offers.add(exercise(session, exercise)));
			}
		}
		curriculum.competencies().forEach(c -> offers.add(new Offer(PlacedItem.of(PlacedItem.Kind.COMPETENCY, c.id()),
				"competencies", c.number() + ". " + c.title(), c.summary(), null, false, 0)));
		curriculum.series().forEach(s -> offers.add(new Offer(PlacedItem.of(PlacedItem.Kind.RECORDING, s.id()), "recordings",
				s.title(), s.date() + " · " + s.presenter(), s.category().label(), s.recorded(), RECORDING_POINTS)));
		// Gradable only where staff turn on completion credit; no points unless the instructor gives some.
		curriculum.instruments().forEach(instrument -> instrument.allWaves().forEach(wave -> offers.add(new Offer(
				PlacedItem.of(PlacedItem.Kind.SURVEY, instrument.id() + ":" + wave.label()), "surveys",
				instrument.title() + " (" + text.apply("lti.placement.wave." + wave.label()) + ")",
				text.apply("lti.placement.survey.credit"), null, true, 0))));
		offers.add(new Offer(PlacedItem.of(PlacedItem.Kind.INTAKE, null), "program", text.apply("lti.placement.item.intake"), null, null, false, 0));
		offers.add(new Offer(PlacedItem.of(PlacedItem.Kind.MEETINGS, null), "program", text.apply("lti.placement.item.meetings"), null, null, false, 0));
		return offers;
	}

	private static Offer exercise(TrainingSession session, Exercise exercise) {
		return new Offer(PlacedItem.of(PlacedItem.Kind.EXERCISE, exercise.id()), "exercises",
				session.number() + ". " + exercise.title(), exercise.kind().label(), null, true, EXERCISE_POINTS);
	}

}
