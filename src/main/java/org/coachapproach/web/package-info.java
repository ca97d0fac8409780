/**
 * The shell: layout, role home pages, error pages, global advice.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "people", "curriculum", "series", "progress", "assessment", "matching" })
package org.coachapproach.web;
