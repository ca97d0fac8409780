package org.coachapproach.lti.launch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.lti.http.ToolUrls;
import org.coachapproach.lti.registration.Registration;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.outbox.ConflictRetry;
import org.coachapproach.people.AccessSessions;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The redirect URI: receives the platform's id_token, verifies it, checks that this browser
 * began the login (state cookie, or Platform Storage where the iframe blocks cookies), records
 * the person and starts their session.
 */
@Controller
class LaunchController {

	static final String CONFIRM = ToolUrls.LAUNCH + "/confirm";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final IdTokenVerifier verifier;

	private final LoginStates states;

	private final LaunchCompletion completion;

	/** A launch's transaction runs again after a deadlock or Galera certification conflict. */
	private final ConflictRetry conflicts;

	private final SpentLogins spent;

	private final Registrations registrations;

	private final ToolUrls urls;

	private final LaunchMeters meters;

	LaunchController(IdTokenVerifier verifier, LoginStates states, LaunchCompletion completion, SpentLogins spent,
			Registrations registrations, ToolUrls urls, LaunchMeters meters, ConflictRetry conflicts) {
		this.conflicts = conflicts;
		this.verifier = verifier;
		this.states = states;
		this.completion = completion;
		this.spent = spent;
		this.registrations = registrations;
		this.urls = urls;
		this.meters = meters;
	}

	@PostMapping(ToolUrls.LAUNCH)
	ModelAndView launch(@RequestParam(name = "id_token", required = false) String idToken,
			@RequestParam(name = "state", required = false) String state,
			@RequestParam(name = "lti_storage_target", required = false) String storageTarget,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		String base = this.urls.base(request);
		VerifiedLaunch launch = this.verifier.verify(idToken, state, base);
		response.addHeader(HttpHeaders.SET_COOKIE, LoginController.stateCookie(state, "", this.states).toString());

		if (state.equals(cookie(request, LoginController.STATE_COOKIE_PREFIX + state))) {
			LaunchCompletion.Completed completed = this.conflicts.inTransaction(tx -> this.completion.complete(launch, base));
			this.meters.launched();
			response.addHeader(HttpHeaders.SET_COOKIE, AccessSessions.cookie(completed.sessionToken()).toString());
			return LoginController.redirectTo(base + completed.firstPage());
		}
		// The platform names its storage frame at login, and Canvas again in the launch.
		String frame = StringUtils.hasText(storageTarget) ? storageTarget : launch.login().storageTarget();
		if (frame != null) {
			String code = random();
			this.conflicts.inTransaction(tx -> {
				this.completion.park(launch, pending(launch, code));
				return null;
			});
			model.addAttribute("storageTarget", frame);
			model.addAttribute("platformOrigin", ToolUrls.origin(launch.registration().authEndpoint()));
			model.addAttribute("state", state);
			model.addAttribute("code", code);
			model.addAttribute("newWindowUrl", newWindowUrl(launch, base));
			return new ModelAndView("lti/launch-storage");
		}
		this.spent.spend(launch.login(), launch.nonce(), launch.keepNonceUntil());
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		model.addAttribute("newWindowUrl", newWindowUrl(launch, base));
		return new ModelAndView("lti/new-window");
	}

	/** Second half of a cookieless launch: the page proved the platform stored this state. */
	@PostMapping(CONFIRM)
	ModelAndView confirm(@RequestParam(name = "state", required = false) String state,
			@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
			HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		String base = this.urls.base(request);
		// Only the tool's own page may confirm: a cross-site form could otherwise sign a
		// victim's browser in to the attacker's parked launch.
		String site = request.getHeader("Sec-Fetch-Site");
		String origin = request.getHeader("Origin");
		if ((site != null && !site.equals("same-origin")) || (origin != null && !origin.equals(ToolUrls.origin(base)))) {
			throw LaunchRefusedException.forbidden("cross_site", "confirmation from " + origin + " (" + site + ")");
		}
		LoginStates.LoginState login = this.states.find(state)
			.filter(l -> l.pendingLaunch() != null)
			.orElseThrow(() -> LaunchRefusedException.unauthorized("unknown_state", "no parked launch for state"));
		Map<String, Object> pending = parse(login.pendingLaunch());
		if (code == null || !MessageDigest.isEqual(hash(code).getBytes(StandardCharsets.US_ASCII),
				String.valueOf(pending.get("code")).getBytes(StandardCharsets.US_ASCII))) {
			this.states.consume(state);
			throw LaunchRefusedException.unauthorized("state_mismatch", "confirmation code does not match");
		}
		Registration registration = this.registrations.findById(login.registrationId())
			.orElseThrow(() -> LaunchRefusedException.forbidden("unknown_client", "registration removed"));
		VerifiedLaunch launch;
		try {
			launch = new VerifiedLaunch(registration, String.valueOf(pending.get("deployment")), login,
					JWTClaimsSet.parse(JSONObjectUtils.getJSONObject(pending, "claims")), login.expiresAt());
		}
		catch (ParseException ex) {
			throw LaunchRefusedException.badRequest("malformed_token", ex.getMessage());
		}
		LaunchCompletion.Completed completed = this.conflicts.inTransaction(tx -> this.completion.complete(launch, base));
		this.meters.launched();
		return LoginController.redirectTo(UriComponentsBuilder.fromUriString(base + completed.firstPage())
			.queryParam(AccessSessions.PARAMETER, completed.sessionToken())
			.build()
			.toUriString());
	}


	/** A fresh login in a top-level window, where the tool's cookies are first-party. */
	private static String newWindowUrl(VerifiedLaunch launch, String base) {
		LoginStates.LoginState login = launch.login();
		return UriComponentsBuilder.fromUriString(base + ToolUrls.LOGIN)
			.queryParam("iss", launch.registration().issuer())
			.queryParam("client_id", launch.registration().clientId())
			.queryParam("login_hint", login.loginHint())
			.queryParam("target_link_uri", login.targetLinkUri())
			.queryParamIfPresent("lti_message_hint", java.util.Optional.ofNullable(login.messageHint()))
			.queryParam("lti_deployment_id", launch.deploymentId())
			.encode()
			.build()
			.toUriString();
	}

	private static String pending(VerifiedLaunch launch, String code) {
		Map<String, Object> pending = new LinkedHashMap<>();
		pending.put("deployment", launch.deploymentId());
		pending.put("code", hash(code));
		pending.put("claims", launch.claims().toJSONObject());
		return JSONObjectUtils.toJSONString(pending);
	}

	private static Map<String, Object> parse(String json) {
		try {
			return JSONObjectUtils.parse(json);
		}
		catch (ParseException ex) {
			throw LaunchRefusedException.badRequest("malformed_token", "parked launch does not parse");
		}
	}

	private static String cookie(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (cookie.getName().equals(name)) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	private static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String hash(String value) {
		try {
			return java.util.HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
