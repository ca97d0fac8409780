package org.coachapproach.assessment.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The respondent key responses are stored under: HMAC-SHA256 of the course and person ids
 * with a server-held secret, so pre and post pair up while the table names nobody. The
 * secret is {@code coachapproach.assessment.pseudonym-key} (Base64, at least 32 bytes) when
 * set, else one generated on first use and kept in the database.
 */
@Component
public class Pseudonyms {

	private static final int KEY_BYTES = 32;

	private final JdbcClient jdbc;

	private final String configured;

	private volatile SecretKeySpec key;

	Pseudonyms(JdbcClient jdbc, @Value("${coachapproach.assessment.pseudonym-key:}") String configured) {
		this.jdbc = jdbc;
		this.configured = configured;
		if (!configured.isBlank()) {
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
		return current;
	}

	private byte[] secret() {
		if (!this.configured.isBlank()) {
			byte[] bytes;
			try {
				bytes = Base64.getDecoder().decode(this.configured.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("coachapproach.assessment.pseudonym-key is not Base64", ex);
			}
			if (bytes.length < KEY_BYTES) {
				throw new IllegalStateException("coachapproach.assessment.pseudonym-key must be at least " + KEY_BYTES
						+ " bytes, Base64 encoded");
			}
			return bytes;
		}
		byte[] fresh = new byte[KEY_BYTES];
		new SecureRandom().nextBytes(fresh);
		// Two instances starting at once: the first insert wins and both read it back.
		this.jdbc.sql("INSERT IGNORE INTO assessment_secret (id, pseudonym_key) VALUES (1, ?)").param(fresh).update();
		return this.jdbc.sql("SELECT pseudonym_key FROM assessment_secret WHERE id = 1").query(byte[].class).single();
	}

}
