package org.coachapproach.outreach.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.coachapproach.ServerKeys;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Signs the links outreach hands out (unsubscribe, calendar feeds) under the server's link key
 * ({@link ServerKeys#LINK_KEY}), one derived key per purpose, so a copy of the database alone
 * can make none of them.
 */
@Component
public class LinkKeys {

	private final byte[] key;

	private final JdbcClient jdbc;

	LinkKeys(@Value("${" + ServerKeys.LINK_KEY + ":}") String encoded, JdbcClient jdbc) {
		if (!StringUtils.hasText(encoded)) {
			throw new IllegalStateException("No link key: set " + ServerKeys.LINK_KEY);
		}
		try {
			this.key = Base64.getDecoder().decode(encoded.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(ServerKeys.LINK_KEY + " is not Base64", ex);
		}
		if (this.key.length < 32) {
			throw new IllegalStateException(ServerKeys.LINK_KEY + " must be at least 32 bytes (openssl rand -base64 32)");
		}
		this.jdbc = jdbc;
	}

	/** HMAC-SHA256 of the payload under the purpose's key. */
	public byte[] hmac(String purpose, String payload) {
		return hmac(hmac(this.key, purpose), payload);
	}

	/**
	 * HMAC-SHA256 under the key outreach kept in its own table before the server's link key
	 * existed, if it did: read only, so that unsubscribe links in mail sent before still work.
	 */
	public Optional<byte[]> legacyHmac(String purpose, String payload) {
		return this.jdbc.sql("SELECT secret FROM outreach_secret WHERE name = ?")
			.param(purpose)
			.query(String.class)
			.optional()
			.map(secret -> hmac(HexFormat.of().parseHex(secret), payload));
	}

	private static byte[] hmac(byte[] key, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
