package org.coachapproach;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * This machine's addresses other than loopback: a test server listening on every interface,
 * reached through one of them, sees a peer that is not loopback, as a request from another
 * machine on the network would be.
 */
public final class OtherAddresses {

	private OtherAddresses() {
	}

	/** Every address of an interface that is up, except loopback and link-local ones; skips the test if none. */
	public static List<InetAddress> require() {
		List<InetAddress> addresses;
		try {
			addresses = NetworkInterface.networkInterfaces()
				.filter(OtherAddresses::isUp)
				.flatMap(NetworkInterface::inetAddresses)
				.filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
				.toList();
		}
		catch (SocketException ex) {
			addresses = List.of();
		}
		Assumptions.assumeFalse(addresses.isEmpty(),
				"This machine has no network address other than loopback to reach the test server from");
		return addresses;
	}

	/** {@code http://<address>:<port><path>}. */
	public static URI url(InetAddress address, int port, String path) {
		String host = (address instanceof Inet6Address) ? "[" + address.getHostAddress().replaceAll("%.*", "") + "]"
				: address.getHostAddress();
		return URI.create("http://" + host + ":" + port + path);
	}

	private static boolean isUp(NetworkInterface network) {
		try {
			return network.isUp() && !network.isLoopback();
		}
		catch (SocketException ex) {
			return false;
		}
	}

}
