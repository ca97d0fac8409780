package org.coachapproach.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.curriculum.ProgramClock;
import org.coachapproach.assessment.CompetencySelfAssessments;
import org.coachapproach.curriculum.Competency;
import org.coachapproach.curriculum.ContentRenderer;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Exercise;
import org.coachapproach.curriculum.ItemKind;
import org.coachapproach.curriculum.TrainingSession;
import org.coachapproach.matching.Meetings;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.CourseRole;
import org.coachapproach.people.Member;
import org.coachapproach.people.People;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramRole;
import org.coachapproach.people.RosterEntry;
import org.coachapproach.progress.CompetencyRatings;
import org.coachapproach.progress.NotInACourseException;
import org.coachapproach.progress.ProgramProgress;
import org.coachapproach.progress.Progress;
import org.coachapproach.progress.Status;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Recognition of a mentor's training, from completion records: the printable certificate of
 * completion and letter of mentoring service (for the mentor, and staff for a mentor of their
 * course), and the competency profile (the mentor's own; staff see the course's aggregates).
 * It combines progress, matching and assessment, so it sits in the shell.
 */
@Controller
class RecognitionController {

	private final Curriculum curriculum;

	private final Progress progress;

	private final Meetings meetings;

	private final CompetencyRatings ratings;

	private final CompetencySelfAssessments selfAssessments;

	private final People people;

	private final ContentRenderer content;

	private final ProgramClock clock;

	RecognitionController(Curriculum curriculum, Progress progress, Meetings meetings, CompetencyRatings ratings,
			CompetencySelfAssessments selfAssessments, People people, ContentRenderer content, ProgramClock clock) {
		this.curriculum = curriculum;
		this.progress = progress;
		this.meetings = meetings;
		this.ratings = ratings;
		this.selfAssessments = selfAssessments;
		this.people = people;
		this.content = content;
		this.clock = clock;
	}

	@GetMapping("/recognition/certificate")
	String certificate(Member member, Model model) {
		requireMentor(member);
		return recognition("certificate", member, member.person(), member.displayName(), model);
	}

	@GetMapping("/recognition/letter")
	String letter(Member member, Model model) {
		requireMentor(member);
		return recognition("letter", member, member.person(), member.displayName(), model);
	}

	@GetMapping("/course/mentors/{person}/certificate")
	String certificateOf(@PathVariable long person, Member member, Model model) {
		requireStaff(member);
		RosterEntry mentor = mentorOfCourse(member.course(), person);
		return recognition("certificate", member, mentor.person(), mentor.displayName(), model);
	}

	@GetMapping("/course/mentors/{person}/letter")
	String letterOf(@PathVariable long person, Member member, Model model) {
		requireStaff(member);
		RosterEntry mentor = mentorOfCourse(member.course(), person);
		return recognition("letter", member, mentor.person(), mentor.displayName(), model);
	}

	/** The mentor's own profile: their ratings received and their own self-assessment, for them alone. */
	@GetMapping("/recognition/profile")
	String profile(Member member, Model model) {
		requireMentor(member);
		ProgramProgress status = this.progress.statusOf(member);
		Map<String, List<CompetencyRatings.ReceivedRating>> received = this.ratings.receivedBy(member.person(),
				member.course());
		Map<String, List<CompetencySelfAssessments.OwnAnswer>> own = this.selfAssessments.mine(member);
		List<CompetencyProfile> profile = new ArrayList<>();
		for (Competency competency : this.curriculum.competencies()) {
			profile.add(new CompetencyProfile(competency,
					this.curriculum.sessionsPractising(competency.id())
						.stream()
						.filter(s -> status.session(s.number()) == Status.COMPLETE)
						.toList(),
					exercisesOf(competency).stream().filter(e -> status.exercise(e.id()) == Status.COMPLETE).toList(),
					received.getOrDefault(competency.id(), List.of()), own.getOrDefault(competency.id(), List.of())));
		}
		model.addAttribute("profile", profile);
		return "web/competency-profile";
	}

	/** The course's aggregates for staff: counts, and figures resting on at least the reports' threshold. */
	@GetMapping("/course/competency-profile")
	String courseProfile(Member member, Model model) {
		requireStaff(member);
		List<RosterEntry> mentors = mentors(member.course());
		Map<String, List<Double>> means = this.ratings.mentorMeans(member.course());
		Map<String, List<CompetencySelfAssessments.CourseFigure>> self = this.selfAssessments.course(member.course());
		List<PersonId> ids = mentors.stream().map(RosterEntry::person).toList();
		Map<PersonId, ProgramProgress> statuses = new LinkedHashMap<>();
		ids.forEach(id -> statuses.put(id, this.progress.statusOf(id, member.course())));
		List<CourseCompetency> rows = new ArrayList<>();
		for (Competency competency : this.curriculum.competencies()) {
			List<TrainingSession> sessions = this.curriculum.sessionsPractising(competency.id());
			long completedAll = statuses.values()
				.stream()
				.filter(p -> !sessions.isEmpty()
						&& sessions.stream().allMatch(s -> p.session(s.number()) == Status.COMPLETE))
				.count();
			List<Double> rated = means.getOrDefault(competency.id(), List.of());
			boolean shown = CompetencySelfAssessments.shown(rated.size());
			Double mean = shown ? rated.stream().mapToDouble(Double::doubleValue).average().orElse(0) : null;
			rows.add(new CourseCompetency(competency, sessions, (int) completedAll, rated.size(), shown, mean,
					self.getOrDefault(competency.id(), List.of())));
		}
		model.addAttribute("mentors", mentors.size());
		model.addAttribute("rows", rows);
		model.addAttribute("mentorList", mentors);
		return "web/course-competency-profile";
	}

	private String recognition(String kind, Member viewer, PersonId mentor, String name, Model model) {
		ProgramProgress status = this.progress.statusOf(mentor, viewer.course());
		Map<String, Instant> completedAt = new LinkedHashMap<>();
		int exercises = 0;
		for (Progress.Completion c : this.progress.completions(mentor, viewer.course())) {
			if (c.kind() == ItemKind.SESSION) {
				completedAt.put(c.itemId(), c.completedAt());
			}
			else {
				exercises++;
			}
		}
		List<CompletedSession> sessions = status.listed()
			.stream()
			.filter(s -> s.status() == Status.COMPLETE && completedAt.containsKey(s.session().id()))
			.map(s -> new CompletedSession(s.session(), date(completedAt.get(s.session().id()))))
			.toList();
		List<TrainingSession> missing = status.listed()
			.stream()
			.filter(s -> s.settings().required() && s.status() != Status.COMPLETE)
			.map(ProgramProgress.SessionProgress::session)
			.toList();
		boolean complete = missing.isEmpty() && !sessions.isEmpty();
		int minutes = sessions.stream().mapToInt(s -> s.session().durationMinutes()).sum();
		model.addAttribute("mentorName", name);
		model.addAttribute("self", viewer.person().equals(mentor));
		model.addAttribute("program", this.curriculum.program());
		model.addAttribute("render", this.content);
		model.addAttribute("complete", complete);
		model.addAttribute("missing", missing);
		model.addAttribute("sessions", sessions);
		model.addAttribute("hours", String.format(java.util.Locale.ROOT, "%.1f", minutes / 60.0));
		model.addAttribute("exercises", exercises);
		model.addAttribute("completedOn", sessions.stream().map(CompletedSession::completedOn).max(LocalDate::compareTo)
			.orElse(null));
		model.addAttribute("firstOn", sessions.stream().map(CompletedSession::completedOn).min(LocalDate::compareTo)
			.orElse(null));
		model.addAttribute("mentoring", this.meetings.recordOf(mentor, viewer.course()));
		model.addAttribute("kind", kind);
		return complete ? "web/" + kind : "web/recognition-missing";
	}

	private LocalDate date(Instant at) {
		return this.clock.dateOf(at);
	}

	private List<Exercise> exercisesOf(Competency competency) {
		return this.curriculum.exercises().stream().filter(e -> e.competencyIds().contains(competency.id())).toList();
	}

	/** A mentor in training: the program role mentor, or a learner the program gave no other role. */
	private static void requireMentor(Member member) {
		if (member.course() == null) {
			throw new NotInACourseException();
		}
		boolean mentor = member.programRole() == ProgramRole.MENTOR || (member.programRole() == null
				&& member.courseRoles().contains(CourseRole.LEARNER) && !member.isInstructor());
		if (!mentor) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	private static void requireStaff(Member member) {
		if (member.course() == null) {
			throw new NotInACourseException();
		}
		if (!member.isStaff()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	/** Someone of the staff's own course whom it counts as a mentor; anyone else is not found. */
	private RosterEntry mentorOfCourse(CourseId course, long person) {
		Optional<RosterEntry> mentor = mentors(course).stream().filter(m -> m.person().value() == person).findFirst();
		return mentor.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private List<RosterEntry> mentors(CourseId course) {
		return this.people.roster(course)
			.stream()
			.filter(m -> m.programRole() == ProgramRole.MENTOR || (m.programRole() == null
					&& m.courseRoles().equals(java.util.Set.of(CourseRole.LEARNER))))
			.toList();
	}

	record CompletedSession(TrainingSession session, LocalDate completedOn) {
	}

	record CompetencyProfile(Competency competency, List<TrainingSession> sessions, List<Exercise> exercises,
			List<CompetencyRatings.ReceivedRating> ratings, List<CompetencySelfAssessments.OwnAnswer> selfAssessment) {

		public long observed() {
			return this.ratings.stream().filter(CompetencyRatings.ReceivedRating::observed).count();
		}

	}

	/**
	 * @param completedAll mentors of the course who completed every session practising it
	 * @param mentorsRated mentors rated on it (other than "not observed")
	 * @param meanRating the mean of those mentors' mean ratings, {@code null} unless {@code shown}
	 */
	record CourseCompetency(Competency competency, List<TrainingSession> sessions, int completedAll,
			int mentorsRated, boolean shown, Double meanRating,
			List<CompetencySelfAssessments.CourseFigure> selfAssessment) {
	}

}
