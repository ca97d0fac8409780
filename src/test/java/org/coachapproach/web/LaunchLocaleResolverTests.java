package org.coachapproach.web;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.coachapproach.people.AccessSession;
import org.coachapproach.people.LaunchContext;
import org.coachapproach.people.Member;
import org.coachapproach.people.PersonId;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchLocaleResolverTests {

	private final LaunchLocaleResolver resolver = new LaunchLocaleResolver();

	@Test
	void shouldFormatInTheLocaleTheLaunchGave() {
		assertThat(this.resolver.resolveLocale(signedIn("de-DE"))).isEqualTo(Locale.GERMANY);
		assertThat(this.resolver.resolveLocale(signedIn("en_GB"))).isEqualTo(Locale.UK);
	}

	@Test
	void shouldFallBackToTheBrowsersLocaleWithoutOne() {
		MockHttpServletRequest request = signedIn(null);
		request.addPreferredLocale(Locale.FRANCE);
		assertThat(this.resolver.resolveLocale(request)).isEqualTo(Locale.FRANCE);
		MockHttpServletRequest anonymous = new MockHttpServletRequest();
		anonymous.addPreferredLocale(Locale.CANADA);
		assertThat(this.resolver.resolveLocale(anonymous)).isEqualTo(Locale.CANADA);
	}

	private static MockHttpServletRequest signedIn(String locale) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		Member member = new Member(new PersonId(1), "Dana", null, null, Set.of(), null);
		request.setAttribute(SessionFilter.CURRENT, new AccessSession(member,
				new LaunchContext("Canvas", null, null, null, null, locale, Map.of()), Instant.now().plusSeconds(60)));
		return request;
	}

}
