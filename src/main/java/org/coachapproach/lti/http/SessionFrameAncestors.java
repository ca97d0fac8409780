package org.coachapproach.lti.http;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.lti.registration.Registration;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.AccessSession;
import org.coachapproach.people.AccessSessions;
import org.coachapproach.people.People;
import org.coachapproach.people.ProgramId;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Narrows {@code frame-ancestors} on a signed-in page to the platform the session came from:
 * another registered platform has no business showing this person's pages in its frame.
 * Before a session exists (login, launch, error pages) {@link FrameAncestorsFilter}'s list of
 * every registered platform applies.
 */
@Component
class SessionFrameAncestors implements HandlerInterceptor, WebMvcConfigurer {

	private final Registrations registrations;

	private final People people;

	/** Origins per program; programs and their registrations change rarely. */
	private final Map<ProgramId, Set<String>> origins = new ConcurrentHashMap<>();

	SessionFrameAncestors(Registrations registrations, People people) {
		this.registrations = registrations;
		this.people = people;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getAttribute(AccessSessions.REQUEST_ATTRIBUTE) instanceof AccessSession session
				&& session.member().program() != null) {
			StringBuilder policy = new StringBuilder("frame-ancestors 'self'");
			this.origins.computeIfAbsent(session.member().program(), this::originsOf)
				.forEach(origin -> policy.append(' ').append(origin));
			response.setHeader("Content-Security-Policy", policy + "; " + FrameAncestorsFilter.FIXED_DIRECTIVES);
		}
		return true;
	}

	private Set<String> originsOf(ProgramId program) {
		return this.people.platform(program)
			.flatMap(platform -> this.registrations.find(platform.issuer(), platform.clientId()))
			.map(Registration::frameOrigins)
			.orElse(Set.of());
	}

	/** Sees registrations changed by other instances, as {@link Registrations#frameOrigins()} does. */
	@Scheduled(fixedDelayString = "PT1M")
	void forget() {
		this.origins.clear();
	}

}
