package org.coachapproach.series;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Attendance report files under src/test/resources/series. */
final class AttendanceFixtures {

	private AttendanceFixtures() {
	}

	static byte[] bytes(String name) {
		try (InputStream in = AttendanceFixtures.class.getResourceAsStream("/series/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
