/**
 * Reaching people outside the tool: the email outbox (reminders, one-click unsubscribe per
 * kind, staff switches per kind), the imported list of all clinical faculty, and personal
 * calendar feeds behind resettable tokens. Other modules queue messages through
 * {@link org.coachapproach.outreach.MailOutbox} and add events to a person's own feed by
 * implementing {@link org.coachapproach.outreach.AgendaSource}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "people", "outbox" })
package org.coachapproach.outreach;
