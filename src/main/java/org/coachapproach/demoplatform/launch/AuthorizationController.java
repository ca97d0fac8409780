package org.coachapproach.demoplatform.launch;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.demoplatform.launch.LaunchAuthorization.Granted;
import org.coachapproach.demoplatform.launch.LaunchAuthorization.Outcome;
import org.coachapproach.demoplatform.launch.LaunchAuthorization.Refused;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The OIDC authorization endpoint the tool sends the browser to after login initiation. It
 * answers an auto-submitting form that posts the id_token to the tool, or an error page; it
 * never redirects a refused request anywhere.
 */
@Controller
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class AuthorizationController {

	private final LaunchAuthorization authorization;

	AuthorizationController(LaunchAuthorization authorization) {
		this.authorization = authorization;
	}

	@RequestMapping(path = "/demo/authorize", method = { RequestMethod.GET, RequestMethod.POST })
	String authorize(@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Outcome outcome = this.authorization.authorize(parameters);
		if (outcome instanceof Granted granted) {
			model.addAttribute("launch", granted);
			return "demoplatform/autopost";
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("reason", ((Refused) outcome).reason());
		return "demoplatform/authorize-error";
	}

}
