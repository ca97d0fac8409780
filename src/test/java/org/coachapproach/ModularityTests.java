package org.coachapproach;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(CoachApproachApplication.class);

	@Test
	void shouldKeepModulesApart() {
		this.modules.verify();
	}

	@Test
	void shouldWriteModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation();
	}

}
