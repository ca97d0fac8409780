package org.coachapproach.curriculum.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coachapproach.curriculum.ProgramMaterials;
import org.coachapproach.curriculum.TrainingSession;
import org.coachapproach.curriculum.ProgramMaterials.FacilitatorGuide;
import org.coachapproach.curriculum.ProgramMaterials.Handout;
import org.coachapproach.curriculum.ProgramMaterials.MenteeOrientation;

/**
 * Reads the facilitator guides, handouts and mentee orientation with the loader's Markdown
 * reading (so the same Markdown check applies), and checks them against the sessions.
 */
final class ProgramMaterialsReader {

	static final String FACILITATOR = "facilitator";

	static final String HANDOUTS = "handouts";

	static final String ORIENTATION = "orientation/mentees.md";

	/** Every facilitator guide has these sections, so a facilitator finds the same things in each. */
	static final List<String> GUIDE_SECTIONS = List.of("Preparation", "Room and Zoom setup", "Run of the session",
			"Who facilitates");

	private final Function<String, Optional<MarkdownDocument>> markdown;

	private final Function<String, List<String>> markdownFiles;

	private final Problems problems;

	ProgramMaterialsReader(Function<String, Optional<MarkdownDocument>> markdown,
			Function<String, List<String>> markdownFiles, Problems problems) {
		this.markdown = markdown;
		this.markdownFiles = markdownFiles;
		this.problems = problems;
	}

	ProgramMaterials read(List<TrainingSession> sessions) {
		Set<String> sessionIds = sessions.stream().map(TrainingSession::id).collect(Collectors.toSet());
		return new ProgramMaterials(facilitatorGuides(sessions, sessionIds), handouts(sessionIds), orientation());
	}

	private List<FacilitatorGuide> facilitatorGuides(List<TrainingSession> sessions, Set<String> sessionIds) {
		List<FacilitatorGuide> guides = new ArrayList<>();
		for (String file : this.markdownFiles.apply(FACILITATOR)) {
			this.markdown.apply(file).ifPresent(doc -> {
				YamlFields f = doc.frontMatter();
				f.allowOnly(Set.of("session", "title"));
				String session = f.text("session");
				if (session != null && !sessionIds.contains(session)) {
					f.problem(f.line("session"), "unknown session '" + session + "' in 'session'");
				}
				else if (session != null && !file.equals(FACILITATOR + "/" + session + ".md")) {
					f.problem(f.line("session"),
							"session '" + session + "' must match the file name (" + session + ".md)");
				}
				for (String section : GUIDE_SECTIONS) {
					if (doc.body().lines().noneMatch(l -> l.strip().equals("## " + section))) {
						f.problem(f.line(), "the guide has no '## " + section + "' section (every guide has: "
								+ String.join(", ", GUIDE_SECTIONS) + ")");
					}
				}
				guides.add(new FacilitatorGuide(session, f.text("title"), doc.body()));
			});
		}
		Set<String> guided = guides.stream().map(FacilitatorGuide::sessionId).collect(Collectors.toSet());
		sessions.stream().map(TrainingSession::id).filter(id -> !guided.contains(id)).sorted()
			.forEach(id -> this.problems.add(FACILITATOR, 0,
					"session '" + id + "' has no facilitator guide: add " + FACILITATOR + "/" + id + ".md"));
		return guides;
	}

	private List<Handout> handouts(Set<String> sessionIds) {
		List<Handout> handouts = new ArrayList<>();
		for (String file : this.markdownFiles.apply(HANDOUTS)) {
			this.markdown.apply(file).ifPresent(doc -> {
				YamlFields f = doc.frontMatter();
				f.allowOnly(Set.of("id", "title", "sessions"));
				String id = CurriculumLoader.id(f, "id");
				if (id != null && !file.equals(HANDOUTS + "/" + id + ".md")) {
					f.problem(f.line("id"), "id '" + id + "' must match the file name (" + id + ".md)");
				}
				List<String> sessions = f.texts("sessions", 1);
				f.checkReferences("sessions", sessions, sessionIds, "session");
				if (doc.body().isBlank()) {
					f.problem(f.line(), "the handout has no content after its front matter");
				}
				handouts.add(new Handout(id, f.text("title"), sessions, doc.body()));
			});
		}
		return handouts;
	}

	private MenteeOrientation orientation() {
		return this.markdown.apply(ORIENTATION).map(doc -> {
			YamlFields f = doc.frontMatter();
			f.allowOnly(Set.of("title"));
			if (doc.body().isBlank()) {
				f.problem(f.line(), "the orientation has no content after its front matter");
			}
			return new MenteeOrientation(f.text("title"), doc.body());
		}).orElse(null);
	}

}
