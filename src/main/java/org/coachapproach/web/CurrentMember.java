package org.coachapproach.web;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.coachapproach.people.AccessSession;
import org.coachapproach.people.Member;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The signed-in member ({@link SessionFilter} found the session): a handler takes it as a
 * {@code Member} parameter, and every page has it as {@code member}, for the layout's header
 * and sign-out form.
 */
@ControllerAdvice
class CurrentMember implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Member.class;
	}

	@Override
	public Member resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binders) {
		Member member = of(request.getNativeRequest(HttpServletRequest.class));
		if (member == null) {
			// Only the public paths pass SessionFilter without a session; their handlers take no member.
			throw new IllegalStateException("no signed-in member on " + parameter.getExecutable());
		}
		return member;
	}

	/**
	 * The member for the page. Not on an error dispatch (Spring Boot's {@code /error}, which
	 * {@link ErrorPages} leaves to what fails outside a handler): its response is not the one
	 * whose links carry the session where cookies are blocked, so the header's links would lose it.
	 */
	@ModelAttribute("member")
	Member member(HttpServletRequest request) {
		return request.getDispatcherType() == DispatcherType.ERROR ? null : of(request);
	}

	/** The signed-in member of the request, or {@code null} on a public path. */
	static Member of(HttpServletRequest request) {
		return request.getAttribute(SessionFilter.CURRENT) instanceof AccessSession session ? session.member() : null;
	}

}
