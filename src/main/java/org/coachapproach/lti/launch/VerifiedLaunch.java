package org.coachapproach.lti.launch;

import com.nimbusds.jwt.JWTClaimsSet;
import org.coachapproach.lti.launch.LoginStates.LoginState;
import org.coachapproach.lti.registration.Registration;

/** An id_token that passed every check, with the login it completes. */
record VerifiedLaunch(Registration registration, String deploymentId, LoginState login, JWTClaimsSet claims) {
}
