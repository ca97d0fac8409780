package org.coachapproach.demoplatform.services;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.coachapproach.demoplatform.DemoService;
import org.coachapproach.demoplatform.course.DemoSites;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/** What the service endpoints share: planned failures, errors as Canvas writes them, and paging. */
final class ServiceResponses {

	private ServiceResponses() {
	}

	/** Thrown to answer a failure planned for the service instead of serving the request. */
	static final class PlannedFailure extends RuntimeException {

		private final transient ServiceFaults.Fault fault;

		PlannedFailure(ServiceFaults.Fault fault) {
			super("Planned failure " + fault.status(), null, false, false);
			this.fault = fault;
		}

	}

	/** Counts the request to {@code service}; throws the failure planned for it, if any. */
	static void failIfPlanned(ServiceFaults faults, DemoService service) {
		faults.next(service).ifPresent(fault -> {
			throw new PlannedFailure(fault);
		});
	}

	/** A planned failure, with its Retry-After if it has one. */
	static <T> ResponseEntity<T> fault(PlannedFailure failure) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(failure.fault.status());
		if (failure.fault.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, failure.fault.retryAfter());
		}
		return response.build();
	}

	/** The URL of this request on the platform's site, with its query, to page from. */
	static UriComponentsBuilder self(DemoSites sites, HttpServletRequest request) {
		return UriComponentsBuilder.fromUriString(sites.platform(request.getRequestURI())).query(request.getQueryString());
	}

	/** Canvas's error body: {@code {"errors": {"type": ..., "message": ...}}}. */
	static ResponseEntity<Map<String, Object>> refusal(ServiceRefusal refusal) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("type", switch (refusal.status()) {
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "not_found";
			case 422 -> "unprocessable_entity";
			default -> "bad_request";
		});
		error.put("message", refusal.getMessage());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(refusal.status());
		if (refusal.wwwAuthenticate() != null) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, refusal.wwwAuthenticate());
		}
		return response.body(Map.of("errors", error));
	}

	/** One page of a list. */
	record Page<T>(List<T> entries, String next) {
	}

	/**
	 * The page of {@code all} that {@code limit} and {@code page} (1-based) ask for, with the
	 * URL of the next one when there is one; {@code defaultLimit} when no limit is asked.
	 */
	static <T> Page<T> page(List<T> all, String limit, String page, int defaultLimit, UriComponentsBuilder self) {
		int size = positive(limit, "limit", defaultLimit);
		int number = positive(page, "page", 1);
		int from = (int) Math.min((long) (number - 1) * size, all.size());
		int to = Math.min(from + size, all.size());
		String next = (to < all.size()) ? self.cloneBuilder()
			.replaceQueryParam("limit", size)
			.replaceQueryParam("page", number + 1)
			.build()
			.toUriString() : null;
		return new Page<>(new ArrayList<>(all.subList(from, to)), next);
	}

	/** RFC 8288: {@code Link: <next>; rel="next"}. */
	static HttpHeaders links(Page<?> page) {
		HttpHeaders headers = new HttpHeaders();
		if (page.next() != null) {
			headers.add(HttpHeaders.LINK, "<" + page.next() + ">; rel=\"next\"");
		}
		return headers;
	}

	private static int positive(String value, String name, int otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// Refused below.
		}
		throw new ServiceRefusal(400, name + " must be a positive whole number, not " + value);
	}

}
