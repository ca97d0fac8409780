package org.coachapproach.curriculum.internal;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.CurriculumProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CurriculumConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CurriculumConfiguration.class);

	@Bean
	Curriculum curriculum(CurriculumProperties properties) {
		long started = System.nanoTime();
		Curriculum curriculum = CurriculumLoader.load(properties.location());
		log.info("Loaded curriculum '{}' version {} (content {}) from {}: {} sessions, {} competencies, {} exercises in {} ms",
				curriculum.program().id(), curriculum.version(), curriculum.contentHash().substring(0, 12),
				properties.location().toAbsolutePath().normalize(), curriculum.sessions().size(), curriculum.competencies().size(),
				curriculum.exercises().size(), (System.nanoTime() - started) / 1_000_000);
		return curriculum;
	}

}
