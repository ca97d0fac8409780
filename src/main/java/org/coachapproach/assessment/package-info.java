/**
 * Administration windows, confidential responses and pre/post analytics.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "people", "curriculum", "outreach" })
package org.coachapproach.assessment;
