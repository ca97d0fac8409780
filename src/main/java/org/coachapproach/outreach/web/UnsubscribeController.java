package org.coachapproach.outreach.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.outreach.MailOutbox;
import org.coachapproach.outreach.Subscription;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Unsubscribe from one kind of email. The link in the message opens a page with one button (a
 * GET changes nothing, since mail scanners follow links); mail clients' one-click unsubscribe
 * (RFC 8058) POSTs to the same address. The signed token is the only authority needed.
 */
@Controller
class UnsubscribeController {

	private final MailOutbox outbox;

	UnsubscribeController(MailOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/unsubscribe/{token}")
	String confirm(@PathVariable String token, HttpServletResponse response, Model model) {
		Optional<Subscription> subscription = this.outbox.subscription(token);
		if (subscription.isEmpty()) {
			return unknown(response, model);
		}
		model.addAttribute("subscription", subscription.get());
		model.addAttribute("done", this.outbox.unsubscribed(subscription.get().address(), subscription.get().kind()));
		model.addAttribute("token", token);
		return "outreach/unsubscribe";
	}

	@PostMapping("/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, HttpServletResponse response, Model model) {
		Optional<Subscription> subscription = this.outbox.subscription(token);
		if (subscription.isEmpty()) {
			return unknown(response, model);
		}
		this.outbox.unsubscribe(subscription.get().address(), subscription.get().kind());
		model.addAttribute("subscription", subscription.get());
		model.addAttribute("done", true);
		model.addAttribute("token", token);
		return "outreach/unsubscribe";
	}

	private static String unknown(HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("subscription", null);
		return "outreach/unsubscribe";
	}

}
