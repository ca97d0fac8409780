package org.coachapproach.lti.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket per client address, in this instance's memory: {@code capacity} requests at
 * once, refilled at {@code capacity} per {@code period}. At most {@code maxAddresses} buckets
 * are kept (the least recently used go first), so a client spraying addresses cannot fill the
 * heap; a bucket unused for a whole period is full again and is dropped.
 */
class AddressBuckets {

	private final long capacity;

	private final Duration period;

	private final Cache<String, Bucket> buckets;

	AddressBuckets(long capacity, Duration period, long maxAddresses) {
		if (capacity < 1 || period.isNegative() || period.isZero() || maxAddresses < 1) {
			throw new IllegalArgumentException("A rate limit needs a capacity, a period and room for addresses");
		}
		this.capacity = capacity;
		this.period = period;
		this.buckets = Caffeine.newBuilder()
			.maximumSize(maxAddresses)
			.expireAfterAccess(period)
			// Evict on the calling thread: the bound holds at once, not when a pool gets round to it.
			.executor(Runnable::run)
			.build();
	}

	/** Takes one request from the address's bucket: consumed, or how long until one is. */
	ConsumptionProbe take(String remoteAddress) {
		return this.buckets.get(key(remoteAddress), address -> Bucket.builder()
			.addLimit(limit -> limit.capacity(this.capacity).refillGreedy(this.capacity, this.period))
			.build()).tryConsumeAndReturnRemaining(1);
	}

	long size() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

	/**
	 * The client an address stands for: an IPv4 address, or an IPv6 /64 (one subscriber's
	 * network: rotating through its addresses must not give a client new buckets).
	 */
	static String key(String remoteAddress) {
		if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
			return String.valueOf(remoteAddress);
		}
		try {
			// A literal with a colon: parsed, never looked up.
			InetAddress address = InetAddress.getByName(remoteAddress);
			if (address instanceof Inet6Address) {
				return HexFormat.of().formatHex(address.getAddress(), 0, 8) + "::/64";
			}
			return address.getHostAddress();
		}
		catch (UnknownHostException ex) {
			return remoteAddress;
		}
	}

}
