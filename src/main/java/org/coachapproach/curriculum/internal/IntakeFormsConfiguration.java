package org.coachapproach.curriculum.internal;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.CurriculumProperties;
import org.coachapproach.curriculum.IntakeForms;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The matching intake forms, loaded at start-up: a bad file stops the start like the rest of the curriculum. */
@Configuration(proxyBeanMethods = false)
class IntakeFormsConfiguration {

	@Bean
	IntakeForms intakeForms(CurriculumProperties properties,
			Curriculum curriculum) {
		return IntakeForms.load(properties.location(), curriculum);
	}

}
