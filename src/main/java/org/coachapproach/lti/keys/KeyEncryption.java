package org.coachapproach.lti.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.coachapproach.ServerKeys;
import org.coachapproach.lti.LtiProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Protects the tool's private keys in the database with AES-256-GCM under a key-encryption key
 * from the environment ({@code COACHAPPROACH_LTI_KEY_ENCRYPTION_KEY}: 32 random bytes, base64),
 * or with the embedded database from the keys file beside it ({@link ServerKeys}); the tool
 * does not start without one. Keys stored as plain JWK by earlier versions are still read.
 */
@Component
class KeyEncryption {

	private static final String PREFIX = "enc:v1:";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	@Autowired
	KeyEncryption(LtiProperties properties) {
		this(properties.lti().keyEncryptionKey());
	}

	KeyEncryption(String encoded) {
		if (StringUtils.hasText(encoded)) {
			byte[] bytes = Base64.getDecoder().decode(encoded.trim());
			if (bytes.length != 32) {
				throw new IllegalStateException("coachapproach.lti.key-encryption-key must be 32 bytes, base64 encoded");
			}
			this.key = new SecretKeySpec(bytes, "AES");
		}
		else {
			throw new IllegalStateException("No key-encryption key: set " + ServerKeys.KEY_ENCRYPTION_KEY);
		}
	}

	String seal(String privateJwk) {
		try {
			byte[] iv = new byte[12];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(privateJwk.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
				.put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt the tool key", ex);
		}
	}

	String open(String stored) {
		if (!stored.startsWith(PREFIX)) {
			return stored;
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, all, 0, 12));
			return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The tool keys do not decrypt with coachapproach.lti.key-encryption-key", ex);
		}
	}

}
