package org.coachapproach.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.coachapproach.people.AccessSessions;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Without cookies the session travels in the URL, and links and form actions carry it
 * ({@link SessionFilter}); but a browser drops the query of a GET form's action when it
 * submits the form, so a GET form to one of the tool's own pages also gets the token as a
 * hidden field. Thymeleaf asks for a {@code th:action} form's action, then its extra hidden
 * fields; a form to another site (the deep-linking return to the platform) never gets it.
 */
@Component("requestDataValueProcessor")
class SessionInForms implements RequestDataValueProcessor {

	private static final String GET_FORM_OF_THE_TOOL = SessionInForms.class.getName() + ".getFormOfTheTool";

	@Override
	public String processAction(HttpServletRequest request, String action, String httpMethod) {
		boolean toolPage = action != null && action.startsWith("/") && !action.startsWith("//")
				&& !action.startsWith("/\\");
		request.setAttribute(GET_FORM_OF_THE_TOOL, toolPage && "GET".equalsIgnoreCase(httpMethod));
		return action;
	}

	@Override
	public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
		Object token = request.getAttribute(SessionFilter.TOKEN_FROM_URL);
		boolean getForm = Boolean.TRUE.equals(request.getAttribute(GET_FORM_OF_THE_TOOL));
		request.removeAttribute(GET_FORM_OF_THE_TOOL);
		return (getForm && token instanceof String value) ? Map.of(AccessSessions.PARAMETER, value) : null;
	}

	@Override
	public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
		return value;
	}

	@Override
	public String processUrl(HttpServletRequest request, String url) {
		return url;
	}

}
