package org.coachapproach.demoplatform.services;

import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.coachapproach.demoplatform.course.DemoPerson;
import org.coachapproach.demoplatform.course.DemoRoster;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The course gradebook as the assignment and grade services see it: line items and the scores
 * posted to them, checked the way Canvas checks them. Every accepted score is kept; a user's
 * result on a line item is their latest.
 */
@Component("demoGradebook")
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class Gradebook {

	static final Set<String> ACTIVITY_PROGRESS = Set.of("Initialized", "Started", "InProgress", "Submitted",
			"Completed");

	static final Set<String> GRADING_PROGRESS = Set.of("FullyGraded", "Pending", "PendingManual", "Failed",
			"NotReady");

	/** What the database's TIMESTAMP columns hold. */
	private static final Instant EARLIEST = Instant.parse("1970-01-02T00:00:00Z");

	private static final Instant LATEST = Instant.parse("2038-01-18T00:00:00Z");

	public static final String CANVAS_SUBMISSION = "https://canvas.instructure.com/lti/submission";

	private final GradebookRecords records;

	private final DemoRoster roster;

	Gradebook(GradebookRecords records, DemoRoster roster) {
		this.records = records;
		this.roster = roster;
	}

	/** What a tool may set on a line item. */
	public record LineItemFields(String label, double scoreMaximum, String resourceId, String tag,
			String resourceLinkId) {
	}

	/** Reads a line item body (AGS 2.0 §3.2): {@code scoreMaximum} > 0 and {@code label} are required. */
	public static LineItemFields lineItemFields(String body) {
		Map<String, Object> json = jsonObject(body);
		if (!(json.get("label") instanceof String label) || label.isBlank()) {
			throw new ServiceRefusal(400, "label is required: a non-empty string");
		}
		if (!(json.get("scoreMaximum") instanceof Number maximum) || !(maximum.doubleValue() > 0)) {
			throw new ServiceRefusal(400, "scoreMaximum is required: a number greater than 0");
		}
		return new LineItemFields(label.strip(), maximum.doubleValue(), optionalString(json, "resourceId"),
				optionalString(json, "tag"), optionalString(json, "resourceLinkId"));
	}

	/** The course's line items, oldest first, narrowed by any filter given (AGS 2.0 §3.2.5). */
	public List<LineItem> lineItems(String courseId, String resourceLinkId, String resourceId, String tag) {
		return this.records.lineItems(courseId, resourceLinkId, resourceId, tag);
	}

	public Optional<LineItem> lineItem(String courseId, long id) {
		return this.records.lineItem(courseId, id);
	}

	public LineItem create(String courseId, String clientId, LineItemFields fields) {
		requireKnownResourceLink(courseId, fields.resourceLinkId());
		return lineItem(courseId, this.records.insertLineItem(courseId, clientId, fields)).orElseThrow();
	}

	/** Replaces label, maximum, resource id and tag; the resource link stays (Canvas does not move it). */
	public LineItem update(LineItem item, LineItemFields fields) {
		if (fields.resourceLinkId() != null && !fields.resourceLinkId().equals(item.resourceLinkId())) {
			throw new ServiceRefusal(400, "resourceLinkId cannot be changed (it is " + item.resourceLinkId() + ")");
		}
		this.records.updateLineItem(item.id(), fields);
		return lineItem(item.courseId(), item.id()).orElseThrow();
	}

	public void delete(LineItem item) {
		this.records.deleteLineItem(item.id());
	}

	/**
	 * Checks and keeps a score posted to {@code item} (AGS 2.0 §3.4, with Canvas's answers):
	 * {@code userId}, {@code activityProgress}, {@code gradingProgress} and {@code timestamp}
	 * are required (400); the user must be a learner in the course (422); a {@code scoreGiven}
	 * needs a {@code scoreMaximum} (422); a timestamp earlier than the user's last accepted one
	 * is refused (400), an equal one accepted, as Canvas does.
	 */
	@Transactional
	public Score record(LineItem item, String body) {
		Map<String, Object> json = jsonObject(body);
		for (String required : List.of("userId", "activityProgress", "gradingProgress", "timestamp")) {
			if (!(json.get(required) instanceof String value) || value.isBlank()) {
				throw new ServiceRefusal(400, required + " is required");
			}
		}
		String userId = (String) json.get("userId");
		String activity = (String) json.get("activityProgress");
		String grading = (String) json.get("gradingProgress");
		if (!ACTIVITY_PROGRESS.contains(activity)) {
			throw new ServiceRefusal(400, "activityProgress must be one of " + ACTIVITY_PROGRESS + ", not " + activity);
		}
		if (!GRADING_PROGRESS.contains(grading)) {
			throw new ServiceRefusal(400, "gradingProgress must be one of " + GRADING_PROGRESS + ", not " + grading);
		}
		Instant timestamp = timestamp((String) json.get("timestamp"), "timestamp");
		boolean learner = this.roster.memberBySubject(userId)
			.filter(member -> member.roles().contains(DemoPerson.LEARNER) && !"Deleted".equals(member.status()))
			.isPresent();
		if (!learner) {
			throw new ServiceRefusal(422, "User not found in course or is not a student: " + userId);
		}
		Double given = number(json, "scoreGiven");
		Double maximum = number(json, "scoreMaximum");
		if (given != null && maximum == null) {
			throw new ServiceRefusal(422, "ScoreMaximum not supplied when ScoreGiven present.");
		}
		if (maximum != null && maximum < 0) {
			throw new ServiceRefusal(422, "ScoreMaximum must be greater than or equal to 0");
		}
		if (given != null && given < 0) {
			throw new ServiceRefusal(400, "scoreGiven must not be negative");
		}
		if (json.containsKey("comment") && json.get("comment") != null && !(json.get("comment") instanceof String)) {
			throw new ServiceRefusal(400, "comment must be a string");
		}
		String submission = null;
		if (json.get(CANVAS_SUBMISSION) != null) {
			if (!(json.get(CANVAS_SUBMISSION) instanceof Map<?, ?> extension)) {
				throw new ServiceRefusal(400, CANVAS_SUBMISSION + " must be an object");
			}
			if (extension.get("submitted_at") instanceof String submittedAt
					&& timestamp(submittedAt, "submitted_at").isAfter(Instant.now().plusSeconds(60))) {
				throw new ServiceRefusal(400, "Provided submitted_at timestamp of " + submittedAt + " in the future");
			}
			submission = JSONObjectUtils.toJSONString(castMap(extension));
		}
		// One score at a time per line item, so that the timestamp check and the insert agree.
		this.records.lockLineItem(item.id());
		Optional<Instant> last = this.records.lastTimestamp(item.id(), userId);
		if (last.isPresent() && last.get().isAfter(timestamp)) {
			throw new ServiceRefusal(400, "Provided timestamp of " + json.get("timestamp")
					+ " before last updated timestamp of " + last.get());
		}
		Instant received = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Score score = new Score(0, item.id(), userId, given, maximum, (String) json.get("comment"), activity, grading,
				timestamp, submission, received);
		return this.records.insertScore(score);
	}

	/** Each user's latest score on {@code item}, optionally only {@code userId}'s (AGS 2.0 §3.3). */
	public List<Score> results(LineItem item, String userId) {
		return this.records.latestScores(item.id(), (userId == null || userId.isBlank()) ? null : userId);
	}

	/** Every score accepted in the course, oldest first. */
	public List<Score> scores(String courseId) {
		return this.records.scores(courseId);
	}

	private void requireKnownResourceLink(String courseId, String resourceLinkId) {
		if (resourceLinkId == null) {
			return;
		}
		boolean known = this.roster.course(courseId).map(course -> course.resourceLinkId().equals(resourceLinkId))
			.orElse(false)
				|| this.records.placedResourceLink(courseId, resourceLinkId);
		if (!known) {
			throw new ServiceRefusal(400, "resourceLinkId " + resourceLinkId + " is no resource link of this course");
		}
	}

	static Map<String, Object> jsonObject(String body) {
		try {
			return JSONObjectUtils.parse((body == null) ? "" : body);
		}
		catch (ParseException ex) {
			throw new ServiceRefusal(400, "The body is not a JSON object: " + ex.getMessage());
		}
	}

	private static Instant timestamp(String text, String field) {
		try {
			Instant instant = OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS);
			if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
				throw new ServiceRefusal(400, "Provided " + field + " of " + text + " is out of range");
			}
			return instant;
		}
		catch (DateTimeParseException ex) {
			throw new ServiceRefusal(400, "Provided " + field + " of " + text + " not a valid timestamp (ISO 8601)");
		}
	}

	private static Double number(Map<String, Object> json, String field) {
		Object value = json.get(field);
		if (value == null) {
			return null;
		}
		if (!(value instanceof Number number)) {
			throw new ServiceRefusal(400, field + " must be a number");
		}
		return number.doubleValue();
	}

	private static String optionalString(Map<String, Object> json, String field) {
		Object value = json.get(field);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw new ServiceRefusal(400, field + " must be a string");
		}
		return text.isBlank() ? null : text;
	}

	@SuppressWarnings("unchecked") // JSON objects have string keys
	private static Map<String, Object> castMap(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

}
