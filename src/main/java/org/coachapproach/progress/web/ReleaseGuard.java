package org.coachapproach.progress.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.curriculum.CoursePlan;
import org.coachapproach.curriculum.CourseSettings;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.ItemRef;
import org.coachapproach.curriculum.ItemSettings;
import org.coachapproach.curriculum.TrainingSession;
import org.coachapproach.people.AccessSession;
import org.coachapproach.people.AccessSessions;
import org.coachapproach.people.Member;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Learners open a session or exercise only once the course has released it, and never one
 * the course hides; its page, its reflection and its checklist alike. Instructors and staff
 * open everything (their pages mark what learners do not see). Unknown ids pass through, for
 * the controllers to answer 404.
 */
@Component
class ReleaseGuard implements HandlerInterceptor, WebMvcConfigurer {

	private final Curriculum curriculum;

	private final CourseSettings settings;

	ReleaseGuard(Curriculum curriculum, CourseSettings settings) {
		this.curriculum = curriculum;
		this.settings = settings;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/sessions/*", "/sessions/*/summary", "/exercises/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(request.getAttribute(AccessSessions.REQUEST_ATTRIBUTE) instanceof AccessSession session)) {
			return true;
		}
		Member member = session.member();
		if (member.course() == null || CourseSettings.mayConfigure(member)) {
			return true;
		}
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables == null) {
			return true;
		}
		if (variables.containsKey("number")) {
			sessionNumber(variables.get("number")).flatMap(this.curriculum::session)
				.ifPresent(training -> require(this.settings.of(member.course()), List.of(ItemRef.session(training.id()))));
		}
		else if (variables.containsKey("id") && this.curriculum.exercise(variables.get("id")).isPresent()) {
			String exerciseId = variables.get("id");
			List<TrainingSession> sessions = this.curriculum.sessions()
				.stream()
				.filter(s -> s.exerciseIds().contains(exerciseId))
				.toList();
			CoursePlan plan = this.settings.of(member.course());
			// Open when the exercise is, and so is at least one session it belongs to.
			ItemRef exercise = ItemRef.exercise(exerciseId);
			require(plan, List.of(exercise));
			if (!sessions.isEmpty() && sessions.stream().noneMatch(s -> plan.isOpen(ItemRef.session(s.id())))) {
				require(plan, List.of(ItemRef.session(sessions.get(0).id())));
			}
		}
		return true;
	}

	private static void require(CoursePlan plan, List<ItemRef> items) {
		for (ItemRef item : items) {
			ItemSettings settings = plan.item(item);
			if (!settings.visible()) {
				throw new NotReleasedException(null);
			}
			if (!settings.isReleased(plan.today())) {
				throw new NotReleasedException(settings.releaseOn());
			}
		}
	}

	private static Optional<Integer> sessionNumber(String number) {
		return number != null && number.matches("[0-9]{1,3}") ? Optional.of(Integer.valueOf(number)) : Optional.empty();
	}

	/** A learner asked for an item the course has not released to them. */
	static class NotReleasedException extends RuntimeException {

		private final LocalDate opensOn;

		/** @param opensOn when it opens; {@code null} when the course hides it */
		NotReleasedException(LocalDate opensOn) {
			super("not released");
			this.opensOn = opensOn;
		}

		LocalDate opensOn() {
			return this.opensOn;
		}

	}

}
