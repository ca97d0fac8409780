package org.coachapproach.assessment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The self-assessments' settings.
 *
 * @param pseudonymKey the server secret respondents' pseudonyms are made with (Base64, at least 32
 * bytes; {@code ServerKeys.PSEUDONYM_KEY}); empty: with the embedded database, generated on first use
 * into the keys file, with an external one the tool does not start
 * @param demoContextId the platform context id of the demo course, the one course the synthetic
 * cohort is loaded into (when the demo platform is on)
 */
@Validated
@ConfigurationProperties("coachapproach.assessment")
public record AssessmentProperties(@NotNull @DefaultValue("") String pseudonymKey,
		@NotBlank @DefaultValue("c5d3a0e2-7b1f-4d9a-8e62-3f0b9c4a1d57") String demoContextId) {

	@Override
	public String toString() {
		// the secret never reaches a log or an actuator page through this record
		return "AssessmentProperties[pseudonymKey=" + (this.pseudonymKey.isBlank() ? "" : "(set)") + ", demoContextId="
				+ this.demoContextId + "]";
	}

}
