package org.coachapproach.series;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CFDS schedule: the sessions of {@code curriculum/series/}, with what staff saved in the
 * database laid over them (a saved session overrides the file's one with the same id, or adds
 * a new one). Staff schedule upcoming sessions (never in the past), cancel them, and after a
 * session attach its recording, which is published only with the presenter's permission.
 * Each program has its own schedule: the files are shared content, what staff change and the
 * files' revisions (calendar SEQUENCE) are the program's.
 */
@Service
public class SeriesSchedule {

	static final int MAX_TEXT = 255;

	static final int MAX_SUMMARY = 4000;

	private final Curriculum curriculum;

	private final ScheduleEntries entries;

	private final FileRevisions fileRevisions;

	private final Clock clock;

	SeriesSchedule(Curriculum curriculum, ScheduleEntries entries, FileRevisions fileRevisions, Clock clock) {
		this.curriculum = curriculum;
		this.entries = entries;
		this.fileRevisions = fileRevisions;
		this.clock = clock;
	}

	/** The merged schedule, kept for {@link #KEPT} per instance (forgotten at once on a local change). */
	private record Snapshot(List<ScheduledSession> sessions, Instant readAt) {
	}

	static final java.time.Duration KEPT = java.time.Duration.ofSeconds(2);

	private final Map<ProgramId, Snapshot> snapshots = new java.util.concurrent.ConcurrentHashMap<>();

	/** Every session of the program, file and database merged, in order of start. */
	public List<ScheduledSession> all(ProgramId program) {
		Snapshot current = this.snapshots.get(program);
		Instant now = Instant.now();
		if (current != null && current.readAt().plus(KEPT).isAfter(now) && !current.readAt().isAfter(now)) {
			return current.sessions();
		}
		List<ScheduledSession> read = read(program);
		this.snapshots.put(program, new Snapshot(read, now));
		return read;
	}

	private List<ScheduledSession> read(ProgramId program) {
		Map<String, ScheduledSession> sessions = new LinkedHashMap<>();
		Map<String, FileRevisions.Revision> revisions = fileRevisions(program);
		this.curriculum.series().forEach(s -> {
			FileRevisions.Revision revision = revisions.get(s.id());
			sessions.put(s.id(), (revision == null || revision.sequence() == 0) ? new ScheduledSession(s, 0, null)
					: new ScheduledSession(s, revision.sequence(), revision.changedAt()));
		});
		this.entries.findByIdProgramId(program.value())
			.stream()
			.map(ScheduleEntry::scheduled)
			.forEach(s -> sessions.put(s.session().id(), s));
		return sessions.values()
			.stream()
			.sorted(Comparator.comparing((ScheduledSession s) -> s.session().startsAt().toInstant())
				.thenComparing(s -> s.session().id()))
			.toList();
	}

	/**
	 * The file's sessions as last seen, brought up to date: a session whose calendar fields
	 * changed in the file since (or that is new) is recorded, its sequence one higher.
	 */
	private Map<String, FileRevisions.Revision> fileRevisions(ProgramId program) {
		Map<String, FileRevisions.Revision> seen = this.fileRevisions.of(program);
		boolean changed = false;
		for (SeriesSession s : this.curriculum.series()) {
			String fingerprint = fingerprint(s);
			FileRevisions.Revision revision = seen.get(s.id());
			if (revision == null || !revision.fingerprint().equals(fingerprint)) {
				this.fileRevisions.record(program, s.id(), fingerprint, this.clock.instant());
				changed = true;
			}
		}
		return changed ? this.fileRevisions.of(program) : seen;
	}

	/** SHA-256 of what a calendar shows of the session. */
	static String fingerprint(SeriesSession s) {
		String shown = String.join("\u0000", s.date().toString(), s.startTime().toString(), s.timeZone().getId(),
				String.valueOf(s.durationMinutes()), s.title(), s.category().name(), String.valueOf(s.presenter()),
				String.valueOf(s.summary()),
				String.valueOf(s.joinUrl()), String.valueOf(s.cancelled()));
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(shown.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The sessions of {@code curriculum/series/} alone, as every program starts from them. */
	public List<SeriesSession> files() {
		return this.curriculum.series();
	}

	public Optional<ScheduledSession> find(ProgramId program, String id) {
		return all(program).stream().filter(s -> s.session().id().equals(id)).findFirst();
	}

	/** Sessions not yet over, cancelled ones included (so people see the cancellation). */
	public List<ScheduledSession> upcoming(ProgramId program) {
		Instant now = this.clock.instant();
		return all(program).stream().filter(s -> s.session().endsAt().toInstant().isAfter(now)).toList();
	}

	/** Sessions that have started: the archive. */
	public List<SeriesSession> held(ProgramId program) {
		Instant now = this.clock.instant();
		return all(program).stream()
			.map(ScheduledSession::session)
			.filter(s -> !s.cancelled() && !s.startsAt().toInstant().isAfter(now))
			.toList();
	}

	/** Adds an upcoming session; its id is {@code cfds-<date>} (with a suffix if taken). */
	@Transactional
	public ScheduledSession schedule(ProgramId program, SessionDraft draft, PersonId by) {
		check(draft);
		String base = "cfds-" + draft.date();
		String id = base;
		for (int n = 2; find(program, id).isPresent(); n++) {
			id = base + "-" + n;
		}
		SeriesSession session = session(id, draft, null);
		save(program, session, 0, by);
		return find(program, id).orElseThrow();
	}

	/** Changes an upcoming session; calendars see the change (SEQUENCE + 1). */
	@Transactional
	public ScheduledSession change(ProgramId program, String id, SessionDraft draft, PersonId by) {
		ScheduledSession current = existing(program, id);
		if (current.session().startsAt().toInstant().isBefore(this.clock.instant())) {
			throw new ScheduleRefusedException(ScheduleRefusedException.Problem.of("held"));
		}
		check(draft);
		save(program, session(id, draft, current.session()), current.sequence() + 1, by);
		return find(program, id).orElseThrow();
	}

	/** Calls an upcoming session off; calendars show it as cancelled. */
	@Transactional
	public ScheduledSession cancel(ProgramId program, String id, PersonId by) {
		ScheduledSession current = existing(program, id);
		SeriesSession s = current.session();
		if (s.startsAt().toInstant().isBefore(this.clock.instant())) {
			throw new ScheduleRefusedException(ScheduleRefusedException.Problem.of("held"));
		}
		if (s.cancelled()) {
			return current;
		}
		save(program, new SeriesSession(s.id(), s.academicYear(), s.date(), s.startTime(), s.timeZone(),
				s.durationMinutes(), s.title(), s.category(), s.presenter(), s.summary(), s.recordingUrl(), s.captions(),
				s.captionsUrl(), s.transcriptUrl(), s.example(), s.joinUrl(), s.permissionToRecord(), true),
				current.sequence() + 1, by);
		return find(program, id).orElseThrow();
	}

	/**
	 * After a session, attaches its recording and captions status: it then shows in the
	 * archive. Refused without the presenter's permission to record, before the session has
	 * ended, or for an address the archive cannot play.
	 */
	@Transactional
	public ScheduledSession publishRecording(ProgramId program, String id, String recordingUrl,
			SeriesSession.Captions captions, String captionsUrl, PersonId by) {
		ScheduledSession current = existing(program, id);
		SeriesSession s = current.session();
		List<ScheduleRefusedException.Problem> problems = new ArrayList<>();
		if (!s.permissionToRecord()) {
			problems.add(ScheduleRefusedException.Problem.of("noPermission"));
		}
		if (s.cancelled()) {
			problems.add(ScheduleRefusedException.Problem.of("cancelled"));
		}
		if (s.endsAt().toInstant().isAfter(this.clock.instant())) {
			problems.add(ScheduleRefusedException.Problem.of("notOver"));
		}
		String url = blankToNull(recordingUrl);
		String vtt = blankToNull(captionsUrl);
		if (url == null) {
			problems.add(ScheduleRefusedException.Problem.of("recordingUrl"));
		}
		else {
			SeriesSession.recordingUrlProblem(url)
				.ifPresent(p -> problems.add(new ScheduleRefusedException.Problem("recordingUrlInvalid", p)));
			boolean mp4 = url.toLowerCase(Locale.ROOT).split("[?#]", 2)[0].endsWith(".mp4");
			if (mp4 && !SeriesSession.isWebVtt(vtt)) {
				problems.add(ScheduleRefusedException.Problem.of("captionsUrl"));
			}
		}
		if (vtt != null && !SeriesSession.isWebVtt(vtt)) {
			problems.add(ScheduleRefusedException.Problem.of("captionsUrl"));
		}
		if (captions == null) {
			problems.add(ScheduleRefusedException.Problem.of("captions"));
		}
		if (!problems.isEmpty()) {
			throw new ScheduleRefusedException(problems.stream().distinct().toList());
		}
		save(program, new SeriesSession(s.id(), s.academicYear(), s.date(), s.startTime(), s.timeZone(),
				s.durationMinutes(), s.title(), s.category(), s.presenter(), s.summary(), url, captions, vtt,
				s.transcriptUrl(), s.example(), s.joinUrl(), true, false), current.sequence() + 1, by);
		return find(program, id).orElseThrow();
	}

	private ScheduledSession existing(ProgramId program, String id) {
		return find(program, id).orElseThrow(() -> new ScheduleRefusedException(ScheduleRefusedException.Problem.of("unknown")));
	}

	private void check(SessionDraft d) {
		List<ScheduleRefusedException.Problem> problems = new ArrayList<>();
		if (d.date() == null) {
			problems.add(ScheduleRefusedException.Problem.of("date"));
		}
		if (d.startTime() == null) {
			problems.add(ScheduleRefusedException.Problem.of("startTime"));
		}
		if (d.timeZone() == null) {
			problems.add(ScheduleRefusedException.Problem.of("timeZone"));
		}
		if (d.durationMinutes() < 5 || d.durationMinutes() > 600) {
			problems.add(ScheduleRefusedException.Problem.of("duration"));
		}
		if (blank(d.title(), MAX_TEXT)) {
			problems.add(ScheduleRefusedException.Problem.of("title"));
		}
		if (d.category() == null) {
			problems.add(ScheduleRefusedException.Problem.of("category"));
		}
		if (blank(d.presenter(), MAX_TEXT)) {
			problems.add(ScheduleRefusedException.Problem.of("presenter"));
		}
		if (blank(d.summary(), MAX_SUMMARY)) {
			problems.add(ScheduleRefusedException.Problem.of("summary"));
		}
		if (d.joinUrl() != null && (!SeriesSession.isHttps(d.joinUrl()) || d.joinUrl().length() > 1000)) {
			problems.add(ScheduleRefusedException.Problem.of("joinUrl"));
		}
		if (d.date() != null && d.startTime() != null && d.timeZone() != null
				&& !ZonedDateTime.of(d.date(), d.startTime(), d.timeZone()).toInstant().isAfter(this.clock.instant())) {
			problems.add(ScheduleRefusedException.Problem.of("past"));
		}
		if (!problems.isEmpty()) {
			throw new ScheduleRefusedException(problems);
		}
	}

	private static SeriesSession session(String id, SessionDraft d, SeriesSession before) {
		LocalDate date = d.date();
		int firstYear = date.getMonthValue() >= 7 ? date.getYear() : date.getYear() - 1;
		return new SeriesSession(id, firstYear + "-" + (firstYear + 1), date, d.startTime(), d.timeZone(),
				d.durationMinutes(), d.title().strip(), d.category(), d.presenter().strip(), d.summary().strip(), null,
				before == null ? SeriesSession.Captions.PENDING : before.captions(),
				null, before == null ? null : before.transcriptUrl(), false, d.joinUrl(), d.permissionToRecord(), false);
	}

	private void save(ProgramId program, SeriesSession s, int sequence, PersonId by) {
		this.snapshots.remove(program);
		ScheduleEntry entry = this.entries.findById(new ScheduleEntry.Key(program.value(), s.id()))
			.orElseGet(() -> new ScheduleEntry(program, s.id()));
		entry.replace(s, sequence, by, this.clock.instant());
		this.entries.save(entry);
		// Another request of this instance may have re-read the old rows meanwhile: forget again after commit.
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						SeriesSchedule.this.snapshots.remove(program);
					}
				});
		}
	}

	private static boolean blank(String text, int max) {
		return text == null || text.isBlank() || text.strip().length() > max;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
