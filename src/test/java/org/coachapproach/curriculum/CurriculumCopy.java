package org.coachapproach.curriculum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies the real curriculum into a folder, for tests that break the copy one way at a time. */
final class CurriculumCopy {

	private CurriculumCopy() {
	}

	static void into(Path target) throws IOException {
		Path source = Path.of("curriculum");
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.toList()) {
				Path copy = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(file, copy);
				}
			}
		}
	}

}
