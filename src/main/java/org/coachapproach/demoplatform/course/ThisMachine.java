package org.coachapproach.demoplatform.course;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request comes straight from this machine: its connection arrived on a loopback
 * address from a loopback address, and no proxy had a hand in it. The remote address alone is
 * not enough: Tomcat rewrites it from {@code X-Forwarded-For} when the peer is a trusted proxy,
 * and a proxy on this machine relays other machines' requests over loopback. So any forwarding
 * header, trusted or not, disqualifies a request, as does Tomcat's mark of a rewritten one.
 * <p>
 * The tool applies the same rule to open Dynamic Registration; the demo platform stands for
 * another system and shares no code with the tool, hence its own copy.
 */
final class ThisMachine {

	private static final List<String> FORWARDING_HEADERS = List.of("forwarded", "x-real-ip", "x-client-ip",
			"true-client-ip", "x-cluster-client-ip", "cf-connecting-ip", "via");

	/** Set by Tomcat's RemoteIpValve on a request whose addresses it took from a proxy's headers. */
	private static final String REWRITTEN_BY_TOMCAT = "org.apache.tomcat.request.forwarded";

	private ThisMachine() {
	}

	public static boolean isDirect(HttpServletRequest request) {
		return isLoopback(request.getLocalAddr()) && isLoopback(request.getRemoteAddr())
				&& request.getAttribute(REWRITTEN_BY_TOMCAT) == null && !hasForwardingHeader(request);
	}

	private static boolean hasForwardingHeader(HttpServletRequest request) {
		for (String name : Collections.list(request.getHeaderNames())) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.startsWith("x-forwarded-") || FORWARDING_HEADERS.contains(lower)) {
				return true;
			}
		}
		return false;
	}

	/** A loopback IP literal; anything else (a host name included, which is never looked up) is not. */
	static boolean isLoopback(String address) {
		if (address == null) {
			return false;
		}
		String literal = (address.startsWith("[") && address.endsWith("]"))
				? address.substring(1, address.length() - 1) : address;
		if (!literal.contains(":") && !literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
			return false;
		}
		try {
			return InetAddress.getByName(literal).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
