package org.coachapproach.outreach.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named server-held keys, made once (the first instance to ask wins) and kept in the
 * database, so every instance and every restart signs alike.
 */
@Component
public class ServerSecrets {

	private final JdbcClient jdbc;

	private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

	ServerSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** HMAC-SHA256 of the payload under the named key. */
	public byte[] hmac(String keyName, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.keys.computeIfAbsent(keyName, this::load), "HmacSHA256"));
			return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] load(String name) {
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		this.jdbc.sql("INSERT IGNORE INTO outreach_secret (name, secret) VALUES (?, ?)")
			.params(name, HexFormat.of().formatHex(fresh))
			.update();
		return HexFormat.of().parseHex(this.jdbc.sql("SELECT secret FROM outreach_secret WHERE name = ?")
			.param(name)
			.query(String.class)
			.single());
	}

}
