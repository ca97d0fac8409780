package org.coachapproach.outreach;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

import org.coachapproach.outreach.internal.FeedTokenRepository;
import org.coachapproach.outreach.internal.LinkKeys;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramId;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's calendar feed token: 256 bits, an HMAC of the person and a generation under a
 * server-held key, so the tool can show the address again without storing it (only its
 * SHA-256 is stored, to look it up). Resetting raises the generation; the old address then
 * answers "reset" rather than "unknown", so whoever subscribed learns why the feed stopped.
 * A token belongs to one program (a person in two programs has two feeds): generations are
 * numbered per person across programs, so no two programs' tokens are the same.
 */
@Service
public class FeedTokens {

	/** What a token in a feed address stands for. */
	public sealed interface Resolution {

		/** The person's current token in the program. */
		record Active(ProgramId program, PersonId person) implements Resolution {
		}

		/** A token its owner has reset. */
		record Reset() implements Resolution {
		}

		/** Never issued. */
		record Unknown() implements Resolution {
		}

	}

	private final FeedTokenRepository tokens;

	private final LinkKeys keys;

	private final Clock clock;

	private final MessageSource messages;

	FeedTokens(FeedTokenRepository tokens, LinkKeys keys, Clock clock, MessageSource messages) {
		this.tokens = tokens;
		this.keys = keys;
		this.clock = clock;
		this.messages = messages;
	}

	/** The person's current token in the program, issued on first use. */
	@Transactional
	public String tokenFor(ProgramId program, PersonId person) {
		Optional<Integer> generation = this.tokens.currentGeneration(program.value(), person.value());
		if (generation.isEmpty()) {
			return issue(program, person, this.tokens.nextGeneration(person.value()));
		}
		String token = token(person, generation.get());
		// Issued under another link key (the key was changed): that address can no longer be shown, so a new one.
		return this.tokens.existsByTokenHashAndRetiredAtIsNull(hash(token)) ? token : reset(program, person);
	}

	/** Retires the person's current token in the program and issues a new one; the old address answers "reset". */
	@Transactional
	public String reset(ProgramId program, PersonId person) {
		this.tokens.retire(program.value(), person.value(), this.clock.instant());
		return issue(program, person, this.tokens.nextGeneration(person.value()));
	}

	@Transactional(readOnly = true)
	public Resolution resolve(String token) {
		if (token == null || token.length() != 43) {
			return new Resolution.Unknown();
		}
		return this.tokens.findById(hash(token))
			.map(row -> row.retired() ? (Resolution) new Resolution.Reset()
					: new Resolution.Active(new ProgramId(row.programId()), new PersonId(row.personId())))
			.orElse(new Resolution.Unknown());
	}

	/**
	 * Answers a feed request: the calendar for the token's program and person, or a plain-text
	 * reason (410 for a reset address, 404 for an unknown one).
	 */
	public ResponseEntity<String> respond(String token, BiFunction<ProgramId, PersonId, String> calendar) {
		Resolution resolution = resolve(token);
		if (resolution instanceof Resolution.Active active) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(ICalendar.MEDIA_TYPE))
				.header("Cache-Control", "private, max-age=900")
				.body(calendar.apply(active.program(), active.person()));
		}
		HttpStatus status = resolution instanceof Resolution.Reset ? HttpStatus.GONE : HttpStatus.NOT_FOUND;
		String reason = this.messages.getMessage(status == HttpStatus.GONE ? "outreach.feed.reset" : "outreach.feed.unknown",
				null, Locale.ENGLISH) + "\n";
		return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(reason);
	}

	/**
	 * Issues the token of that generation for the program. Two first uses at once in two
	 * programs would take the same generation, hence the same token, for both: the one whose row
	 * did not land takes the next generation, so a token never opens another program's feed.
	 */
	private String issue(ProgramId program, PersonId person, int generation) {
		for (int attempt = 0;; attempt++) {
			String token = token(person, generation);
			long owner = this.tokens.issue(hash(token), program.value(), person.value(), generation, this.clock.instant());
			if (owner == program.value()) {
				return token;
			}
			if (attempt == 5) {
				throw new IllegalStateException("no free feed token generation for person " + person.value());
			}
			generation = Math.max(generation, this.tokens.nextGeneration(person.value())) + 1;
		}
	}

	private String token(PersonId person, int generation) {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString(this.keys.hmac("feed", person.value() + ":" + generation));
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
