package org.coachapproach.lti.launch;

import com.nimbusds.jwt.JWTClaimsSet;
import org.coachapproach.lti.launch.LoginStates.LoginState;
import org.coachapproach.lti.registration.Registration;

/**
 * An id_token that passed every check, with the login it completes. Its nonce is recorded as
 * used in the same transaction that completes (or parks) the launch.
 *
 * @param keepNonceUntil how long the nonce must be remembered to refuse a replay
 */
record VerifiedLaunch(Registration registration, String deploymentId, LoginState login, JWTClaimsSet claims,
		java.time.Instant keepNonceUntil) {

	String nonce() {
		return (String) this.claims.getClaim("nonce");
	}

}
