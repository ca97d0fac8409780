package org.coachapproach.assessment.internal.responses;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.coachapproach.ServerKeys;
import org.coachapproach.assessment.AssessmentProperties;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The respondent key responses are stored under: HMAC-SHA256 of the course and person ids
 * with a server-held secret, so pre and post pair up while the table names nobody. The
 * secret is {@code coachapproach.assessment.pseudonym-key} (Base64, at least 32 bytes), never
 * kept in the database: with an external database the tool does not start without it
 * ({@link ServerKeys}); with the embedded one it is generated on first use into the keys file
 * beside the database. A key an earlier version kept in the database moves to that file, so
 * the pseudonyms made with it stay valid.
 */
@Component
public class Pseudonyms {

	private static final int KEY_BYTES = 32;

	private final JdbcClient jdbc;

	private final String configured;

	private final String keysFile;

	private volatile SecretKeySpec key;

	private volatile boolean forgotten;

	Pseudonyms(JdbcClient jdbc, AssessmentProperties properties, @Value("${" + ServerKeys.FILE + ":}") String keysFile) {
		this.jdbc = jdbc;
		this.configured = properties.pseudonymKey();
		this.keysFile = keysFile;
		if (!this.configured.isBlank()) {
			// A wrong key fails the start, not the first survey.
			this.key = new SecretKeySpec(secret(), "HmacSHA256");
		}
	}

	public byte[] of(CourseId course, PersonId person) {
		return of(course.value() + ":" + person.value());
	}

	/** The pseudonym of an identifier that is not a person of the tool, e.g. an imported respondent code. */
	public byte[] ofExternal(CourseId course, String code) {
		return of(course.value() + ":external:" + code);
	}

	private byte[] of(String identity) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			return mac.doFinal(identity.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec current = this.key;
		if (current == null) {
			current = new SecretKeySpec(secret(), "HmacSHA256");
			this.key = current;
		}
		if (!this.forgotten && this.jdbc != null) {
			// The database's copy of the key in use, left by an earlier version, goes: a copy of
			// the database alone must re-identify no one. A different key there is left alone.
			this.jdbc.sql("DELETE FROM assessment_secret WHERE pseudonym_key = ?").param(current.getEncoded()).update();
			this.forgotten = true;
		}
		return current;
	}

	private byte[] secret() {
		if (this.configured.isBlank() && this.keysFile.isBlank()) {
			throw new IllegalStateException("No pseudonym key: set " + ServerKeys.PSEUDONYM_KEY);
		}
		String encoded = this.configured.isBlank() ? fromFile() : this.configured;
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(encoded.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(ServerKeys.PSEUDONYM_KEY + " is not Base64", ex);
		}
		if (bytes.length < KEY_BYTES) {
			throw new IllegalStateException(ServerKeys.PSEUDONYM_KEY + " must be at least " + KEY_BYTES
					+ " bytes, Base64 encoded");
		}
		return bytes;
	}

	/**
	 * The embedded database's key from the keys file; on the first start after an upgrade, the
	 * one the database held until then, so that earlier responses still pair up.
	 */
	private String fromFile() {
		return ServerKeys.at(Path.of(this.keysFile)).obtain(ServerKeys.PSEUDONYM_KEY,
				() -> this.jdbc.sql("SELECT pseudonym_key FROM assessment_secret WHERE id = 1")
					.query(byte[].class)
					.optional()
					.map(Base64.getEncoder()::encodeToString)
					.orElseGet(ServerKeys::generate));
	}

}
