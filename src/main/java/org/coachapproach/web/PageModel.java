package org.coachapproach.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.curriculum.ProgramClock;
import org.coachapproach.people.AccessSession;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * What every page's model has, for the layout:
 * <ul>
 * <li>{@code member}: the signed-in member ({@link CurrentMember#of}), for the header and the
 * sign-out form; not on an error dispatch (Spring Boot's {@code /error}, which {@link ErrorPages}
 * leaves to what fails outside a handler): its response is not the one whose links carry the
 * session where cookies are blocked, so the header's links would lose it;</li>
 * <li>{@code viewerZone}: the zone its date-times are shown in, the person's own when their
 * launch sent one, else the program's ({@link ProgramClock#zoneFor}). Dates without a time stay
 * as they are.</li>
 * </ul>
 * Added after the handler, to the page it renders (a handler's own value stays), not by
 * {@code @ModelAttribute} advice, for which Spring builds and inspects a handler method per
 * request (6 % of a warm launch's samples: docs/benchmarks.md, issue 16). A redirect gets
 * neither: its model would become query parameters.
 */
@Component
class PageModel implements HandlerInterceptor, WebMvcConfigurer {

	private final ProgramClock clock;

	PageModel(ProgramClock clock) {
		this.clock = clock;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || isRedirect(page)) {
			return;
		}
		if (!page.getModel().containsKey("member")) {
			page.addObject("member", request.getDispatcherType() == DispatcherType.ERROR ? null : CurrentMember.of(request));
		}
		if (!page.getModel().containsKey("viewerZone")) {
			page.addObject("viewerZone", this.clock.zoneFor(
					request.getAttribute(SessionFilter.CURRENT) instanceof AccessSession session ? session.context() : null));
		}
	}

	private static boolean isRedirect(ModelAndView page) {
		return page.getView() instanceof SmartView view ? view.isRedirectView()
				: page.getViewName() != null && page.getViewName().startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX);
	}

}
