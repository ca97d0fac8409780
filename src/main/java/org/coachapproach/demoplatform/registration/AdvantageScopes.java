package org.coachapproach.demoplatform.registration;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The OAuth scopes of the LTI Advantage services this platform offers (AGS 2.0 §3.1, NRPS 2.0
 * §3.3). A tool gets, at registration, those it asks for that are offered here.
 */
public final class AdvantageScopes {

	public static final String LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";

	public static final String LINE_ITEM_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";

	public static final String RESULT_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";

	public static final String SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

	public static final String MEMBERSHIP_READONLY = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

	/** Everything offered, in the order the openid configuration lists it. */
	public static final List<String> ALL = List.of(LINE_ITEM, LINE_ITEM_READONLY, RESULT_READONLY, SCORE,
			MEMBERSHIP_READONLY);

	private AdvantageScopes() {
	}

	/** The scopes of a space-separated list (an OAuth {@code scope} value); empty for null. */
	public static List<String> parse(String scope) {
		return (scope == null || scope.isBlank()) ? List.of()
				: Arrays.stream(scope.strip().split("\\s+")).distinct().toList();
	}

	/** Those of {@code requested} this platform offers, in its order. */
	public static List<String> offered(Collection<String> requested) {
		return ALL.stream().filter(requested::contains).toList();
	}

	/** The assignment and grade services scopes among {@code scopes}. */
	public static List<String> gradeServices(Collection<String> scopes) {
		return scopes.stream().filter(scope -> scope.startsWith("https://purl.imsglobal.org/spec/lti-ags/")).toList();
	}

}
