package org.coachapproach.lti.launch;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.lti.http.ToolUrls;
import org.coachapproach.lti.registration.Registration;
import org.coachapproach.lti.registration.Registrations;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OIDC third-party login initiation (LTI Security Framework §5.1.1): remembers a fresh state and
 * nonce, binds them to the browser (cookie, and Platform Storage when the platform offers it),
 * and sends the browser to the platform's authorization endpoint.
 */
@Controller
class LoginController {

	/** {@code __Host-}: only this host can set it (no sibling subdomain can plant one). */
	static final String STATE_COOKIE_PREFIX = "__Host-lti_state_";

	private final Registrations registrations;

	private final LoginStates states;

	private final ToolUrls urls;

	LoginController(Registrations registrations, LoginStates states, ToolUrls urls) {
		this.registrations = registrations;
		this.states = states;
		this.urls = urls;
	}

	@RequestMapping(path = ToolUrls.LOGIN, method = { RequestMethod.GET, RequestMethod.POST })
	ModelAndView login(@RequestParam(name = "iss", required = false) String issuer,
			@RequestParam(name = "login_hint", required = false) String loginHint,
			@RequestParam(name = "target_link_uri", required = false) String targetLinkUri,
			@RequestParam(name = "lti_message_hint", required = false) String messageHint,
			@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(name = "lti_deployment_id", required = false) String deploymentId,
			@RequestParam(name = "lti_storage_target", required = false) String storageTarget,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		require(issuer, "iss", 255);
		require(loginHint, "login_hint", 1000);
		require(targetLinkUri, "target_link_uri", 1000);
		limit(messageHint, "lti_message_hint", 2000);
		limit(clientId, "client_id", 255);
		limit(deploymentId, "lti_deployment_id", 255);
		limit(storageTarget, "lti_storage_target", 255);
		if (!this.urls.isToolUrl(request, targetLinkUri)) {
			throw LaunchRefusedException.badRequest("foreign_target", targetLinkUri);
		}
		Registration registration = registration(issuer, clientId);
		LoginStates.LoginState login = this.states.begin(registration.id(), loginHint, messageHint, targetLinkUri,
				deploymentId, StringUtils.hasText(storageTarget) ? storageTarget : null);

		String authorize = UriComponentsBuilder.fromUriString(registration.authEndpoint())
			.queryParam("scope", "openid")
			.queryParam("response_type", "id_token")
			.queryParam("response_mode", "form_post")
			.queryParam("prompt", "none")
			.queryParam("client_id", registration.clientId())
			.queryParam("redirect_uri", this.urls.url(request, ToolUrls.LAUNCH))
			.queryParam("login_hint", loginHint)
			.queryParam("state", login.state())
			.queryParam("nonce", login.nonce())
			.queryParamIfPresent("lti_message_hint", java.util.Optional.ofNullable(messageHint))
			.encode()
			.build()
			.toUriString();

		response.addHeader(HttpHeaders.SET_COOKIE, stateCookie(login.state(), login.state(), this.states).toString());
		if (StringUtils.hasText(storageTarget)) {
			model.addAttribute("authorizeUrl", authorize);
			model.addAttribute("storageTarget", storageTarget);
			model.addAttribute("platformOrigin", ToolUrls.origin(registration.authEndpoint()));
			model.addAttribute("state", login.state());
			model.addAttribute("nonce", login.nonce());
			return new ModelAndView("lti/login-storage");
		}
		return redirectTo(authorize);
	}

	private Registration registration(String issuer, String clientId) {
		if (StringUtils.hasText(clientId)) {
			return this.registrations.find(issuer, clientId)
				.orElseThrow(() -> LaunchRefusedException.forbidden("unknown_client", issuer + " client " + clientId));
		}
		List<Registration> candidates = this.registrations.findByIssuer(issuer);
		if (candidates.isEmpty()) {
			throw LaunchRefusedException.forbidden("unknown_issuer", issuer);
		}
		if (candidates.size() > 1) {
			throw LaunchRefusedException.badRequest("client_id_needed", issuer + " has " + candidates.size() + " clients");
		}
		return candidates.get(0);
	}

	/** Partitioned like the session cookie, so the cookie path works where third-party cookies are blocked. */
	static ResponseCookie stateCookie(String state, String value, LoginStates states) {
		return ResponseCookie.from(STATE_COOKIE_PREFIX + state, value)
			.httpOnly(true)
			.secure(true)
			.sameSite("None")
			.partitioned(true)
			.path("/")
			.maxAge(value.isEmpty() ? Duration.ZERO : Duration.ofMinutes(10))
			.build();
	}

	private static void require(String value, String name, int maxLength) {
		if (!StringUtils.hasText(value)) {
			throw LaunchRefusedException.badRequest("missing_parameter", name);
		}
		limit(value, name, maxLength);
	}

	private static void limit(String value, String name, int maxLength) {
		if (value != null && value.length() > maxLength) {
			throw LaunchRefusedException.badRequest("parameter_too_long", name + " has " + value.length() + " characters");
		}
	}

	/**
	 * A redirect to a URL made for this one request (state, nonce, session token). Given as a view:
	 * a {@code "redirect:"} view name would be resolved and cached under the URL by every view
	 * resolver, under their lock, one entry per launch, evicting the pages' cached views.
	 */
	static ModelAndView redirectTo(String url) {
		// as "redirect:" does: a path is relative to the application, 302 for every client
		return new ModelAndView(new RedirectView(url, true));
	}

}
