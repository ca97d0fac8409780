package org.coachapproach.curriculum;

import org.coachapproach.curriculum.internal.CurriculumLoader;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The authors' check: validates a curriculum folder without starting the server.
 * {@code mvn -q compile exec:java@check-curriculum [-Dcurriculum=path]}; exit status 0 when
 * valid, 1 with every problem listed otherwise.
 */
public final class CurriculumCheck {

	private CurriculumCheck() {
	}

	public static void main(String[] args) {
		System.exit(run(Path.of(args.length > 0 ? args[0] : "curriculum"), System.out, System.err));
	}

	static int run(Path location, PrintStream out, PrintStream err) {
		try {
			Curriculum curriculum = CurriculumLoader.load(location);
			IntakeForms.load(location, curriculum);
			out.printf("Curriculum OK: %s version %s, %d sessions, %d competencies, %d exercises, %d instruments%n"
					+ "content hash %s%n", curriculum.program().id(), curriculum.version(), curriculum.sessions().size(),
					curriculum.competencies().size(), curriculum.exercises().size(), curriculum.instruments().size(),
					curriculum.contentHash());
		}
		catch (InvalidCurriculumException ex) {
			err.println(ex.getMessage());
			return 1;
		}
		return 0;
	}

}
