/**
 * Completion of sessions, modules, exercises and recordings; reflections; completion events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "people", "curriculum", "series", "assessment" })
package org.coachapproach.progress;
