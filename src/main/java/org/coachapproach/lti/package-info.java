/**
 * LTI 1.3: registrations, OIDC login and launch, tool keys, deep linking, AGS, NRPS.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "people", "curriculum", "series", "progress", "outbox" })
package org.coachapproach.lti;
