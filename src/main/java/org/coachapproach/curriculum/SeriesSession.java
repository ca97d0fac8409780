package org.coachapproach.curriculum;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * One session of the Clinical Faculty Development Series (CFDS), from
 * {@code curriculum/series/<academic-year>.yml}.
 *
 * @param recordingUrl an allow-listed player URL or an https MP4, or {@code null} when the
 * session was not recorded (the presenter did not give permission)
 * @param captionsUrl WebVTT captions; always present for an MP4 recording
 * @param transcriptUrl a transcript, or {@code null}
 * @param example whether the details are invented examples an institution replaces
 * @param joinUrl the meeting link (https) for a live session, or {@code null}
 * @param permissionToRecord whether the presenter allowed recording; a recording is published
 * only with it
 * @param cancelled whether the session was called off (calendars show it as cancelled)
 */
public record SeriesSession(String id, String academicYear, LocalDate date, LocalTime startTime, ZoneId timeZone,
		int durationMinutes, String title, SeriesCategory category, String presenter, String summary,
		String recordingUrl, Captions captions, String captionsUrl, String transcriptUrl, boolean example,
		String joinUrl, boolean permissionToRecord, boolean cancelled) {

	public SeriesSession {
		if (recordingUrl != null && !permissionToRecord) {
			throw new IllegalArgumentException("series session " + id + " has a recording without permission to record");
		}
	}

	/** A past session as the archive knows it: recorded exactly when a recording is given. */
	public SeriesSession(String id, String academicYear, LocalDate date, LocalTime startTime, ZoneId timeZone,
			int durationMinutes, String title, SeriesCategory category, String presenter, String summary,
			String recordingUrl, Captions captions, String captionsUrl, String transcriptUrl, boolean example) {
		this(id, academicYear, date, startTime, timeZone, durationMinutes, title, category, presenter,
				summary, recordingUrl, captions, captionsUrl, transcriptUrl, example, null, recordingUrl != null, false);
	}

	/** Whether a recording URL is one the archive can play; empty when it is, else why not. */
	public static java.util.Optional<String> recordingUrlProblem(String url) {
		return org.coachapproach.curriculum.internal.RecordingUrls.problem(url);
	}

	/** Whether a captions address is an https WebVTT file, as an MP4 recording needs. */
	public static boolean isWebVtt(String url) {
		return url != null && org.coachapproach.curriculum.internal.RecordingUrls.isHttps(url)
				&& url.toLowerCase(Locale.ROOT).split("[?#]", 2)[0].endsWith(".vtt");
	}

	/** Whether the address is an https URL. */
	public static boolean isHttps(String url) {
		return org.coachapproach.curriculum.internal.RecordingUrls.isHttps(url);
	}

	public java.time.ZonedDateTime endsAt() {
		return startsAt().plusMinutes(this.durationMinutes);
	}

	/** Caption status as authors state it. */
	public enum Captions {

		AVAILABLE, NONE, PENDING;

		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** How the recording plays. */
	public enum Player {

		/** No recording. */
		NONE,
		/** An allow-listed video platform's embeddable player, in an iframe. */
		EMBED,
		/** A direct MP4 file, in the page's own video element with WebVTT captions. */
		VIDEO

	}

	public boolean recorded() {
		return this.recordingUrl != null;
	}

	public Player player() {
		if (this.recordingUrl == null) {
			return Player.NONE;
		}
		return java.net.URI.create(this.recordingUrl).getPath().toLowerCase(Locale.ROOT).endsWith(".mp4") ? Player.VIDEO
				: Player.EMBED;
	}

	public ZonedDateTime startsAt() {
		return ZonedDateTime.of(this.date, this.startTime, this.timeZone);
	}

}
