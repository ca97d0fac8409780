package org.coachapproach.lti.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Addresses a platform must not send the tool to: this machine and the networks it runs in
 * (loopback, private, link-local — cloud metadata lives there — unique-local IPv6, shared
 * carrier-grade NAT, any-local, multicast, and IPv4 written inside IPv6). A name counts as
 * local when any address it resolves to does: a name resolving to 10.0.0.5 is 10.0.0.5.
 */
public final class LocalAddresses {

	/** Looks a name up: the JDK's resolver, or a test's. */
	@FunctionalInterface
	public interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	public static final Resolver SYSTEM = InetAddress::getAllByName;

	private LocalAddresses() {
	}

	/**
	 * Whether {@code host} (a name, or an address as written in a URL) is or resolves to a
	 * local address.
	 * @throws UnknownHostException when the name does not resolve (the caller may try again)
	 */
	public static boolean resolvesToLocal(String host, Resolver resolver) throws UnknownHostException {
		String h = host.toLowerCase(Locale.ROOT);
		if (h.startsWith("[") && h.endsWith("]")) {
			h = h.substring(1, h.length() - 1);
		}
		if (h.isEmpty()) {
			return true;
		}
		for (InetAddress address : resolver.resolve(h)) {
			if (isLocal(address)) {
				return true;
			}
		}
		return false;
	}

	public static boolean isLocal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			return first == 0 // "this network"
					|| (first == 100 && (second & 0xc0) == 64) // 100.64.0.0/10, carrier-grade NAT
					|| first >= 240; // reserved and broadcast
		}
		if (address instanceof Inet6Address v6) {
			if ((bytes[0] & 0xfe) == 0xfc) {
				return true; // fc00::/7, unique local
			}
			if (v6.isIPv4CompatibleAddress() || isMappedOrTranslated(bytes)) {
				// ::a.b.c.d, ::ffff:a.b.c.d, 64:ff9b::a.b.c.d: the IPv4 address decides.
				try {
					return isLocal(InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] }));
				}
				catch (UnknownHostException ex) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isMappedOrTranslated(byte[] bytes) {
		boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
		for (int i = 0; i < 10; i++) {
			mapped &= bytes[i] == 0;
		}
		boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b;
		for (int i = 4; i < 12; i++) {
			nat64 &= bytes[i] == 0;
		}
		return mapped || nat64;
	}

	/**
	 * Whether a host as written names this machine or a private network by itself, without a
	 * lookup: loopback, {@code .local} and {@code .internal} names, and local address literals.
	 * A platform named so is on the institution's own network, and the tool may call it there.
	 */
	public static boolean isLocalName(String host) {
		if (host == null) {
			return false;
		}
		String h = host.toLowerCase(java.util.Locale.ROOT).replace("[", "").replace("]", "");
		if (org.coachapproach.lti.http.ToolUrls.isLoopback(host) || h.endsWith(".local") || h.endsWith(".internal")) {
			return true;
		}
		if (!h.matches("[0-9.]+") && !h.contains(":")) {
			return false; // a name: looked up before each call (ServiceCalls.refuseLocal), not at launch
		}
		try {
			java.net.InetAddress address = java.net.InetAddress.getByName(h);
			return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
					|| address.isAnyLocalAddress() || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc);
		}
		catch (java.net.UnknownHostException ex) {
			return true;
		}
	}
}
