package org.coachapproach.outreach.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;


import org.coachapproach.outreach.ReminderKind;
import org.coachapproach.outreach.Subscription;

import org.springframework.stereotype.Component;

/**
 * Unsubscribe tokens: the address and kind, signed with the server's link key (HMAC-SHA256),
 * so a link works without a lookup and nobody can make one for another address.
 */
@Component
public class UnsubscribeTokens {

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private final LinkKeys keys;

	UnsubscribeTokens(LinkKeys keys) {
		this.keys = keys;
	}

	public String token(String address, ReminderKind kind) {
		String payload = B64.encodeToString((kind.label() + ":" + address).getBytes(StandardCharsets.UTF_8));
		return payload + "." + mac(payload);
	}

	public Optional<Subscription> verify(String token) {
		if (token == null || token.length() > 1000) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot < 1) {
			return Optional.empty();
		}
		String payload = token.substring(0, dot);
		byte[] signature = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII), signature)
				&& !this.keys.legacyHmac("unsubscribe", payload)
					.map(legacy -> MessageDigest.isEqual(signature(legacy).getBytes(StandardCharsets.US_ASCII), signature))
					.orElse(false)) {
			return Optional.empty();
		}
		String decoded;
		try {
			decoded = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		int colon = decoded.indexOf(':');
		return ReminderKind.fromLabel(decoded.substring(0, Math.max(colon, 0)))
			.map(kind -> new Subscription(decoded.substring(colon + 1), kind));
	}

	private String mac(String payload) {
		return signature(this.keys.hmac("unsubscribe", payload));
	}

	private static String signature(byte[] hmac) {
		return B64.encodeToString(java.util.Arrays.copyOf(hmac, 20));
	}

}
