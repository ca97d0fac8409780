package org.coachapproach.curriculum.internal;

import org.coachapproach.curriculum.Curriculum;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reports which curriculum content this instance serves: {@code /actuator/health/curriculum} (the "HealthIndicator" suffix is dropped from the name). */
@Component("curriculumHealthIndicator")
class CurriculumHealthIndicator implements HealthIndicator {

	private final Curriculum curriculum;

	CurriculumHealthIndicator(Curriculum curriculum) {
		this.curriculum = curriculum;
	}

	@Override
	public Health health() {
		return Health.up()
			.withDetail("program", this.curriculum.program().id())
			.withDetail("version", this.curriculum.version())
			.withDetail("contentHash", this.curriculum.contentHash())
			.withDetail("sessions", this.curriculum.sessions().size())
			.withDetail("competencies", this.curriculum.competencies().size())
			.withDetail("exercises", this.curriculum.exercises().size())
			.build();
	}

}
