/**
 * The content model loaded from {@code curriculum/}: program, sessions, ICF competencies, exercises; per-course configuration.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "people" })
package org.coachapproach.curriculum;
