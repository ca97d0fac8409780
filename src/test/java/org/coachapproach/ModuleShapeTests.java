package org.coachapproach;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shape every module shares (../shared/DESIGN.md): a module's web pages use its API (the root
 * package), never its internals, so that what is internal can stay package-private.
 */
class ModuleShapeTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.coachapproach");

	@Test
	void shouldKeepWebPagesOnTheModulesApi() {
		String[] webPackages = this.classes.stream()
			.map((type) -> type.getPackageName())
			.filter((name) -> name.matches("org\\.coachapproach\\.[a-z]+(\\.[a-z]+)*\\.web(\\..*)?"))
			.distinct()
			.toArray(String[]::new);
		noClasses().that()
			.resideInAnyPackage(webPackages)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.coachapproach..internal..")
			.because("a module's web package uses the module's API, so its internals can stay package-private")
			.check(this.classes);
	}

}
