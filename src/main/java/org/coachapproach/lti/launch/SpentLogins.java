package org.coachapproach.lti.launch;

import java.time.Instant;

import org.coachapproach.lti.launch.LoginStates.LoginState;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uses up a login whose id_token was the platform's own but is refused: its state, and its
 * nonce when it had one, so the same token cannot be tried again. Nothing else is recorded.
 */
@Component
class SpentLogins {

	private final LoginStates states;

	SpentLogins(LoginStates states) {
		this.states = states;
	}

	@Transactional
	public void spend(LoginState login, String nonce, Instant keepNonceUntil) {
		if (nonce != null) {
			this.states.recordNonce(nonce, keepNonceUntil);
		}
		this.states.consume(login.state());
	}

}
