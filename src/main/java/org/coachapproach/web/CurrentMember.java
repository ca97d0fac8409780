package org.coachapproach.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.coachapproach.people.AccessSession;
import org.coachapproach.people.Member;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The signed-in member ({@link SessionFilter} found the session): a handler takes it as a
 * {@code Member} parameter; every page has it as {@code member} ({@link PageModel}).
 */
@Component
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

	/** The signed-in member of the request, or {@code null} on a public path. */
	static Member of(HttpServletRequest request) {
		return request.getAttribute(SessionFilter.CURRENT) instanceof AccessSession session ? session.member() : null;
	}

}
