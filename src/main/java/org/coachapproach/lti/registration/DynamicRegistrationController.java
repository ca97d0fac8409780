package org.coachapproach.lti.registration;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.lti.http.ToolUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page the platform opens for LTI Dynamic Registration 1.0 with its configuration URL and a
 * registration token: registers the tool ({@link DynamicRegistration}) and tells the platform's
 * window to close, or says why not.
 */
@Controller
class DynamicRegistrationController {

	private static final Logger log = LoggerFactory.getLogger(DynamicRegistrationController.class);

	private final DynamicRegistration registration;

	DynamicRegistrationController(DynamicRegistration registration) {
		this.registration = registration;
	}

	@GetMapping(ToolUrls.REGISTER)
	String register(@RequestParam(name = "openid_configuration", required = false) String configurationUrl,
			@RequestParam(name = "registration_token", required = false) String token,
			@RequestParam(name = "key", required = false) String key, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			Registration registered = this.registration.register(configurationUrl, token, key, request);
			model.addAttribute("platform", registered.platformName());
			return "lti/registered";
		}
		catch (DynamicRegistration.Refused ex) {
			String correlationId = UUID.randomUUID().toString().substring(0, 8);
			log.warn("Dynamic registration refused [{}] {}", correlationId, ex.getMessage());
			response.setStatus(ex.status());
			model.addAttribute("reason", ex.reason());
			model.addAttribute("correlationId", correlationId);
			return "lti/registration-failed";
		}
	}

}
