package org.coachapproach.matching.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.curriculum.IntakeForms;
import org.coachapproach.matching.Intakes;
import org.coachapproach.matching.Matching;
import org.coachapproach.matching.MatchingRefusedException;
import org.coachapproach.matching.PairId;
import org.coachapproach.matching.engine.Compatibility;
import org.coachapproach.matching.engine.PairRule;
import org.coachapproach.matching.engine.Proposal;
import org.coachapproach.people.Member;
import org.coachapproach.people.People;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramRole;
import org.coachapproach.people.RefusedException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff's matching page: the pool, weights, locks and exclusions, a run's proposal with each
 * pair's score and reasons and the mentees left out with why, and publication.
 */
@Controller
class MatchingController {

	private final Matching matching;

	private final IntakeForms forms;

	private final People people;

	MatchingController(Matching matching, IntakeForms forms, People people) {
		this.matching = matching;
		this.forms = forms;
		this.people = people;
	}

	@GetMapping("/matching")
	String show(@RequestParam(name = "done", required = false) String done, Member member, Model model) {
		requireMatcher(member);
		model.addAttribute("done", done);
		return page(member, null, model);
	}

	@PostMapping("/matching/run")
	String run(Member member, HttpServletResponse response, Model model) {
		return act(member, response, model, "run", () -> this.matching.run(member));
	}

	@PostMapping("/matching/publish")
	String publish(@RequestParam("proposal") long proposal, Member member, HttpServletResponse response,
			Model model) {
		return act(member, response, model, "published", () -> this.matching.publish(member, proposal));
	}

	@PostMapping("/matching/rules")
	String addRule(@RequestParam("mentee") long mentee, @RequestParam("mentor") long mentor,
			@RequestParam("kind") String kind, @RequestParam(name = "reason", required = false) String reason,
			Member member, HttpServletResponse response, Model model) {
		return act(member, response, model, "rule", () -> {
			PairRule.Kind k = switch (kind) {
				case "LOCK" -> PairRule.Kind.LOCK;
				case "EXCLUDE" -> PairRule.Kind.EXCLUDE;
				default -> throw new MatchingRefusedException("badRuleKind");
			};
			this.matching.addRule(member, new PersonId(mentee), new PersonId(mentor), k, reason);
		});
	}

	@PostMapping("/matching/rules/{id}/delete")
	String removeRule(@PathVariable long id, Member member, HttpServletResponse response, Model model) {
		return act(member, response, model, "ruleRemoved", () -> this.matching.removeRule(member, id));
	}

	@PostMapping("/matching/pairs/{id}/end")
	String endPair(@PathVariable long id, Member member, HttpServletResponse response, Model model) {
		return act(member, response, model, "ended", () -> this.matching.endPair(member, new PairId(id)));
	}

	@PostMapping("/matching/settings")
	String settings(@RequestParam Map<String, String> posted, Member member, HttpServletResponse response,
			Model model) {
		return act(member, response, model, "settings", () -> {
			Map<String, String> weights = new LinkedHashMap<>();
			IntakeForms.CRITERIA.forEach(id -> weights.put(id, posted.getOrDefault("weight." + id, "")));
			this.matching.changeWeights(member, weights);
			this.matching.changeReminderDays(member, posted.get("reminderDays"));
		});
	}

	/** Does a staff action; on refusal shows the page again with the reason, and nothing changed. */
	private String act(Member member, HttpServletResponse response, Model model, String done, Runnable action) {
		requireMatcher(member);
		try {
			action.run();
		}
		catch (MatchingRefusedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(member, ex, model);
		}
		return "redirect:/matching?done=" + done;
	}

	private static void requireMatcher(Member member) {
		if (!Matching.mayMatch(member)) {
			throw new RefusedException("matching.refused.notStaff");
		}
	}

	private String page(Member member, MatchingRefusedException problem, Model model) {
		Map<PersonId, Intakes.Submitted> pool = this.matching.pool(member.course());
		Set<PersonId> named = new HashSet<>(pool.keySet());
		List<Matching.Rule> rules = this.matching.rules(member.course());
		Matching.StoredProposal latest = this.matching.latest(member.course()).orElse(null);
		Map<PersonId, String> names = this.people.names(named);
		List<Person> mentees = new ArrayList<>();
		List<Person> mentors = new ArrayList<>();
		int places = 0;
		for (Intakes.Submitted s : pool.values()) {
			Person p = new Person(s.person().value(), name(names, s.person().value()), s.answers().capacity());
			if (s.role() == ProgramRole.MENTOR) {
				mentors.add(p);
				places += s.answers().capacity() == null ? 0 : s.answers().capacity();
			}
			else {
				mentees.add(p);
			}
		}
		model.addAttribute("problem", problem);
		model.addAttribute("mentees", mentees);
		model.addAttribute("mentors", mentors);
		model.addAttribute("places", places);
		model.addAttribute("criteria", this.forms.criteria());
		model.addAttribute("weights", this.matching.weights(member.course()));
		model.addAttribute("reminderDays", this.matching.reminderDays(member.course()));
		model.addAttribute("rules", rules.stream()
			.map(r -> new RuleRow(r.id(), name(names, r.mentee().value()), name(names, r.mentor().value()), r.kind().name(),
					r.reason()))
			.toList());
		List<Matching.CurrentPair> current = this.matching.current(member.course());
		Set<String> published = new HashSet<>();
		current.forEach(p -> published.add(p.mentee().value() + ":" + p.mentor().value()));
		model.addAttribute("current", current.stream()
			.map(p -> new CurrentRow(p.id().value(), name(names, p.mentee().value()), name(names, p.mentor().value())))
			.toList());
		model.addAttribute("proposal", latest == null ? null : view(latest, names, published));
		return "matching/staff";
	}

	private ProposalView view(Matching.StoredProposal stored, Map<PersonId, String> names, Set<String> published) {
		Proposal p = stored.proposal();
		List<PairRow> pairs = p.pairs().stream()
			.map(pair -> new PairRow(pair.mentee(), pair.mentor(), name(names, pair.mentee()), name(names, pair.mentor()),
					percent(pair.score(), p.maxScore()), pair.locked(),
					published.contains(pair.mentee() + ":" + pair.mentor()), pair.overrideReason(),
					pair.reasons().stream().map(this::reason).toList()))
			.toList();
		List<UnmatchedRow> unmatched = p.unmatched().stream()
			.map(u -> new UnmatchedRow(name(names, u.mentee()), u.why().name(), u.compatibleMentors(),
					u.blocking().stream()
						.map(b -> new BlockingRow(reason(new Compatibility.Reason(b.criterion(), b.side(), b.preference(), false)),
								b.mentorsRuledOut()))
						.toList()))
			.toList();
		return new ProposalView(stored.id(), stored.runAt(), stored.publishedAt(), pairs, unmatched,
				percent(p.pairs().isEmpty() ? 0 : p.totalScore() / p.pairs().size(), p.maxScore()));
	}

	private ReasonRow reason(Compatibility.Reason r) {
		String label = this.forms.criterion(r.criterion().key()).map(IntakeForms.Criterion::label).orElse(r.criterion().key());
		return new ReasonRow("matching.reason." + r.side().name().toLowerCase(Locale.ROOT) + "."
				+ r.preference().direction().name().toLowerCase(Locale.ROOT), label, r.preference().required(), r.met());
	}

	private static String percent(long score, int max) {
		return max == 0 ? "0" : String.format(Locale.ROOT, "%.0f", 100.0 * score / max);
	}

	private static String name(Map<PersonId, String> names, long person) {
		return names.getOrDefault(new PersonId(person), "#" + person);
	}

	public record Person(long id, String name, Integer capacity) {
	}

	public record RuleRow(long id, String mentee, String mentor, String kind, String reason) {
	}

	public record ProposalView(long id, java.time.Instant runAt, java.time.Instant publishedAt, List<PairRow> pairs,
			List<UnmatchedRow> unmatched, String meanScore) {
	}

	public record PairRow(long menteeId, long mentorId, String mentee, String mentor, String score, boolean locked,
			boolean published, String overrideReason, List<ReasonRow> reasons) {
	}

	public record CurrentRow(long id, String mentee, String mentor) {
	}

	/** @param key message key taking the criterion's label */
	public record ReasonRow(String key, String criterion, boolean required, boolean met) {
	}

	public record UnmatchedRow(String mentee, String why, int compatibleMentors, List<BlockingRow> blocking) {
	}

	public record BlockingRow(ReasonRow requirement, int mentorsRuledOut) {
	}

}
