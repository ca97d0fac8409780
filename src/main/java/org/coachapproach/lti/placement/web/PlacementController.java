package org.coachapproach.lti.placement.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.lti.http.ToolUrls;
import org.coachapproach.lti.placement.ContentCatalog;
import org.coachapproach.lti.placement.DeepLinkingRequest;
import org.coachapproach.lti.placement.DeepLinkingRequests;
import org.coachapproach.lti.placement.DeepLinkingResponses;
import org.coachapproach.lti.placement.DeepLinkingResponses.Choice;
import org.coachapproach.lti.placement.Offer;
import org.coachapproach.lti.placement.PlacedItem;
import org.coachapproach.lti.registration.Registration;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.AccessSession;
import org.coachapproach.people.AccessSessions;
import org.coachapproach.people.Member;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The instructor's content picker for a deep-linking request: choose one or several items, title
 * them, give gradable ones points, and send them back to the platform in a signed response. A
 * cancel sends an empty one. Each request is answered once.
 */
@Controller
class PlacementController {

	static final int MAX_POINTS = 1000;

	private final DeepLinkingRequests requests;

	private final DeepLinkingResponses responses;

	private final ContentCatalog catalog;

	private final Registrations registrations;

	private final ToolUrls urls;

	private final Clock clock;

	PlacementController(DeepLinkingRequests requests, DeepLinkingResponses responses, ContentCatalog catalog,
			Registrations registrations, ToolUrls urls, Clock clock) {
		this.requests = requests;
		this.responses = responses;
		this.catalog = catalog;
		this.registrations = registrations;
		this.urls = urls;
		this.clock = clock;
	}

	@GetMapping("/placements/{id}")
	String picker(@PathVariable String id, @RequestParam(name = "q", required = false) String query, Member member,
			HttpServletResponse response, Model model) {
		Optional<DeepLinkingRequest> request = usable(id, member, response, model);
		if (request.isEmpty()) {
			return "lti/placement-refused";
		}
		return page(request.get(), query, Map.of(), List.of(), model);
	}

	@PostMapping("/placements/{id}")
	String choose(@PathVariable String id, @RequestParam MultiValueMap<String, String> posted, Member member,
			HttpServletRequest http, HttpServletResponse response, Model model) {
		Optional<DeepLinkingRequest> found = usable(id, member, response, model);
		if (found.isEmpty()) {
			return "lti/placement-refused";
		}
		DeepLinkingRequest request = found.get();
		List<String> problems = new ArrayList<>();
		List<Choice> choices = choices(request, posted, problems);
		if (!problems.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(request, null, posted.toSingleValueMap(), problems, model);
		}
		return answer(request, choices, http, response, model);
	}

	@PostMapping("/placements/{id}/cancel")
	String cancel(@PathVariable String id, Member member, HttpServletRequest http, HttpServletResponse response,
			Model model) {
		Optional<DeepLinkingRequest> found = usable(id, member, response, model);
		if (found.isEmpty()) {
			return "lti/placement-refused";
		}
		return answer(found.get(), List.of(), http, response, model);
	}

	/** Where a placed link leads when its item is gone from the curriculum. */
	@GetMapping("/placements/missing")
	String missing(@RequestAttribute(AccessSessions.REQUEST_ATTRIBUTE) AccessSession session,
			HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		String key = session.context() == null ? null : session.context().custom().get(PlacedItem.CUSTOM_PARAMETER);
		model.addAttribute("itemKey", key == null ? "" : key);
		model.addAttribute("instructor", session.member().isInstructor());
		return "lti/placement-missing";
	}

	private String answer(DeepLinkingRequest request, List<Choice> choices, HttpServletRequest http,
			HttpServletResponse response, Model model) {
		Registration registration = this.registrations.findById(request.registrationId()).orElse(null);
		if (registration == null) {
			response.setStatus(HttpServletResponse.SC_GONE);
			model.addAttribute("reason", "lti.placement.refused.notYours");
			return "lti/placement-refused";
		}
		String jwt = this.responses.sign(registration, request, choices, this.urls.url(http, ToolUrls.LAUNCH));
		if (!this.requests.answer(request.id())) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("reason", "lti.placement.refused.answered");
			return "lti/placement-refused";
		}
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("returnUrl", request.returnUrl());
		model.addAttribute("jwt", jwt);
		model.addAttribute("count", choices.size());
		return "lti/placement-return";
	}

	/** The chosen items with their titles and points; problems name every bad field. */
	private List<Choice> choices(DeepLinkingRequest request, MultiValueMap<String, String> posted, List<String> problems) {
		List<String> keys = new ArrayList<>(new LinkedHashSet<>(Optional.ofNullable(posted.get("item")).orElse(List.of())));
		if (keys.isEmpty()) {
			problems.add("lti.placement.problem.none");
			return List.of();
		}
		if (keys.size() > 1 && !request.acceptMultiple()) {
			problems.add("lti.placement.problem.one");
			return List.of();
		}
		List<Choice> choices = new ArrayList<>();
		for (String key : keys) {
			Optional<Offer> offer = PlacedItem.parse(key).flatMap(this.catalog::offer);
			if (offer.isEmpty()) {
				problems.add("lti.placement.problem.unknown");
				continue;
			}
			String title = Optional.ofNullable(posted.getFirst("title." + key)).map(String::strip).orElse(offer.get().title());
			if (title.isEmpty() || title.length() > 255) {
				problems.add("lti.placement.problem.title");
				continue;
			}
			Integer points = null;
			if (offer.get().gradable()) {
				String text = Optional.ofNullable(posted.getFirst("points." + key)).map(String::strip).orElse("");
				try {
					int value = text.isEmpty() ? 0 : Integer.parseInt(text);
					if (value < 0 || value > MAX_POINTS) {
						throw new NumberFormatException(text);
					}
					points = value == 0 ? null : value;
				}
				catch (NumberFormatException ex) {
					problems.add("lti.placement.problem.points");
					continue;
				}
			}
			choices.add(new Choice(offer.get(), title, points));
		}
		return choices;
	}

	private Optional<DeepLinkingRequest> usable(String id, Member member, HttpServletResponse response, Model model) {
		Optional<DeepLinkingRequest> request = this.requests.find(id);
		if (request.isEmpty() || !request.get().person().equals(member.person()) || !member.isInstructor()) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("reason", "lti.placement.refused.notYours");
			return Optional.empty();
		}
		if (!request.get().open(this.clock.instant())) {
			response.setStatus(HttpServletResponse.SC_GONE);
			model.addAttribute("reason", "lti.placement.refused.answered");
			return Optional.empty();
		}
		return request;
	}

	private String page(DeepLinkingRequest request, String query, Map<String, String> posted, List<String> problems,
			Model model) {
		Map<String, List<Offer>> groups = new LinkedHashMap<>();
		for (Offer offer : this.catalog.offers()) {
			if (!"recordings".equals(offer.group()) || offer.matches(query)) {
				groups.computeIfAbsent(offer.group(), g -> new ArrayList<>()).add(offer);
			}
		}
		model.addAttribute("request", request);
		model.addAttribute("groups", groups);
		model.addAttribute("query", query == null ? "" : query);
		model.addAttribute("posted", posted);
		model.addAttribute("problems", problems);
		model.addAttribute("maxPoints", MAX_POINTS);
		return "lti/placements";
	}

}
