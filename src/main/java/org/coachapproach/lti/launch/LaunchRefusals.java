package org.coachapproach.lti.launch;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.lti.http.ToolUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Every refused login or launch: an error page the iframe can show, with a short reason and the
 * request's id ("Reference: …") that support can find in the log, and a count by reason.
 */
@ControllerAdvice(basePackages = "org.coachapproach.lti")
class LaunchRefusals {

	private static final Logger log = LoggerFactory.getLogger(LaunchRefusals.class);

	private final LaunchMeters meters;

	LaunchRefusals(LaunchMeters meters) {
		this.meters = meters;
	}

	/** The request reached the tool over plain http on a public host (a proxy not forwarding https). */
	@ExceptionHandler(ToolUrls.InsecureUrlException.class)
	String insecure(ToolUrls.InsecureUrlException ex, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		return refused(LaunchRefusedException.badRequest("insecure_url", ex.getMessage()), request, response, model);
	}

	@ExceptionHandler(LaunchRefusedException.class)
	String refused(LaunchRefusedException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		this.meters.refused(ex.reason());
		// Details may quote what the caller sent: no line breaks into the log.
		String detail = ex.getMessage().replaceAll("[\\r\\n\\t]", "_");
		log.warn("LTI {} refused {} from {}", request.getRequestURI(),
				detail.length() > 500 ? detail.substring(0, 500) + "..." : detail, request.getRemoteAddr());
		response.setStatus(ex.status().value());
		model.addAttribute("status", ex.status().value());
		model.addAttribute("reason", "lti.refused." + ex.reason());
		return "lti/refused";
	}

}
