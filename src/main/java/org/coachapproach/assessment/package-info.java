/**
 * Administration windows, confidential responses and pre/post analytics.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "people", "curriculum" })
package org.coachapproach.assessment;
