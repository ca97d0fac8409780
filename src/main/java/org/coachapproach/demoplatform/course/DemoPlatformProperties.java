package org.coachapproach.demoplatform.course;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo platform's settings. The tool's registration secret is not among them: the demo
 * platform reads {@code coachapproach.lti.registration-secret} itself, as the platform an
 * operator hands that key to.
 *
 * @param enabled whether the demo platform runs under {@code /demo}; even when asked for, it
 * stays off with an external database or a tool base URL on another host
 * @param platformUrl the platform's base URL and issuer (a trailing slash is dropped); empty:
 * {@code http://127.0.0.1:<port>} of this server
 * @param toolUrl the tool's base URL that the platform registers and launches (a trailing slash
 * is dropped); empty: {@code http://localhost:<port>} of this server (another site than the
 * platform's, as in Canvas)
 * @param rosterPageSize the names and roles service's page size when a tool asks for no
 * {@code limit}
 */
@Validated
@ConfigurationProperties("coachapproach.demo")
// Off, the demo platform leaves no bean behind, its settings included (the properties scan honours this).
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public record DemoPlatformProperties(@DefaultValue("false") boolean enabled,
		@NotNull @Pattern(regexp = BASE_URL, message = BASE_URL_MESSAGE) @DefaultValue("") String platformUrl,
		@NotNull @Pattern(regexp = BASE_URL, message = BASE_URL_MESSAGE) @DefaultValue("") String toolUrl,
		@Min(1) @Max(1000) @DefaultValue("50") int rosterPageSize) {

	/** Empty, or an http(s) origin with an optional path and no query or fragment. */
	static final String BASE_URL = "\\s*(https?://[^/?#\\s]+(/[^?#\\s]*)?)?\\s*";

	static final String BASE_URL_MESSAGE = "must be empty or an http(s) URL with no query or fragment";

}
