package org.coachapproach.web;

import org.coachapproach.people.AccessSessions;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Which forms carry a URL-borne session token as a hidden field. */
class SessionInFormsTests {

	private final SessionInForms forms = new SessionInForms();

	@Test
	void shouldAddTheTokenToAGetFormOfTheTool() {
		MockHttpServletRequest request = withTokenFromUrl();

		this.forms.processAction(request, "/course/surveys/report?s=token-1", "GET");

		assertThat(this.forms.getExtraHiddenFields(request)).containsExactly(
				java.util.Map.entry(AccessSessions.PARAMETER, "token-1"));
	}

	@Test
	void shouldNeverAddTheTokenToAFormForAnotherSite() {
		MockHttpServletRequest request = withTokenFromUrl();

		for (String action : new String[] { "https://canvas.example.edu/courses/1/deep_linking_response",
				"//canvas.example.edu/x", "/\\canvas.example.edu/x" }) {
			this.forms.processAction(request, action, "GET");
			assertThat(this.forms.getExtraHiddenFields(request)).as(action).isNull();
			this.forms.processAction(request, action, "POST");
			assertThat(this.forms.getExtraHiddenFields(request)).as(action).isNull();
		}
	}

	@Test
	void shouldLeavePostFormsAndCookieSessionsAlone() {
		MockHttpServletRequest request = withTokenFromUrl();
		this.forms.processAction(request, "/series/schedule?s=token-1", "POST");
		assertThat(this.forms.getExtraHiddenFields(request)).as("a POST form keeps the token in its action").isNull();

		MockHttpServletRequest withCookie = new MockHttpServletRequest();
		this.forms.processAction(withCookie, "/series", "GET");
		assertThat(this.forms.getExtraHiddenFields(withCookie)).isNull();
	}

	private static MockHttpServletRequest withTokenFromUrl() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setAttribute(SessionFilter.TOKEN_FROM_URL, "token-1");
		return request;
	}

}
