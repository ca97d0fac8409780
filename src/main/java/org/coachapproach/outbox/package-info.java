/**
 * One database outbox, used by the email outbox ({@code outreach}) and the score outbox
 * ({@code lti}): rows are claimed in batches with {@code FOR UPDATE SKIP LOCKED} under a lease,
 * handed to a {@link org.coachapproach.outbox.Courier}, and retried with exponential backoff
 * and jitter (honouring the other side's {@code Retry-After}) until delivered or, after a
 * bounded number of attempts, failed for staff to see. Each module keeps its own table: a
 * queue table only needs the columns {@link org.coachapproach.outbox.OutboxTable} names.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.coachapproach.outbox;
