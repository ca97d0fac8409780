package org.coachapproach.outreach;

/** What a valid unsubscribe link stands for: this address, this kind of email. */
public record Subscription(String address, ReminderKind kind) {
}
