package org.coachapproach.curriculum.internal;

import java.nio.file.Path;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.IntakeForms;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The matching intake forms, loaded at start-up: a bad file stops the start like the rest of the curriculum. */
@Configuration(proxyBeanMethods = false)
class IntakeFormsConfiguration {

	@Bean
	IntakeForms intakeForms(@Value("${coachapproach.curriculum.location:./curriculum}") Path location,
			Curriculum curriculum) {
		return IntakeForms.load(location, curriculum);
	}

}
