/**
 * Intake preferences, the matching engine, assignments and the meeting log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "people", "curriculum", "outreach" })
package org.coachapproach.matching;
