/**
 * The Clinical Faculty Development Series: schedule, recordings archive, attendance.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "people", "curriculum", "outreach" })
package org.coachapproach.series;
