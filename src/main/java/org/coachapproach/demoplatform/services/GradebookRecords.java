package org.coachapproach.demoplatform.services;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The gradebook's rows: line items and the scores posted to them; {@link Gradebook} holds the rules. */
@Repository
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class GradebookRecords {

	private final JdbcClient jdbc;

	GradebookRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The course's line items, oldest first, narrowed by each filter that is not null or empty. */
	List<LineItem> lineItems(String courseId, String resourceLinkId, String resourceId, String tag) {
		StringBuilder sql = new StringBuilder("SELECT * FROM demo_line_item WHERE course_id = ?");
		List<Object> params = new ArrayList<>(List.of(courseId));
		for (Map.Entry<String, String> filter : Map.of("resource_link_id", nullToEmpty(resourceLinkId), "resource_id",
				nullToEmpty(resourceId), "tag", nullToEmpty(tag)).entrySet()) {
			if (!filter.getValue().isEmpty()) {
				sql.append(" AND ").append(filter.getKey()).append(" = ?");
				params.add(filter.getValue());
			}
		}
		return this.jdbc.sql(sql.append(" ORDER BY id").toString()).params(params).query(GradebookRecords::lineItem).list();
	}

	Optional<LineItem> lineItem(String courseId, long id) {
		return this.jdbc.sql("SELECT * FROM demo_line_item WHERE course_id = ? AND id = ?")
			.params(courseId, id)
			.query(GradebookRecords::lineItem)
			.optional();
	}

	/** Adds a line item; answers its id. */
	long insertLineItem(String courseId, String clientId, Gradebook.LineItemFields fields) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO demo_line_item (course_id, client_id, label, score_maximum, resource_id, tag, resource_link_id,
				    created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(courseId, clientId, fields.label(), fields.scoreMaximum(), fields.resourceId(), fields.tag(),
					fields.resourceLinkId(), Timestamp.from(Instant.now()))
			.update(key);
		return key.getKey().longValue();
	}

	void updateLineItem(long id, Gradebook.LineItemFields fields) {
		this.jdbc.sql("UPDATE demo_line_item SET label = ?, score_maximum = ?, resource_id = ?, tag = ? WHERE id = ?")
			.params(fields.label(), fields.scoreMaximum(), fields.resourceId(), fields.tag(), id)
			.update();
	}

	void deleteLineItem(long id) {
		this.jdbc.sql("DELETE FROM demo_line_item WHERE id = ?").param(id).update();
	}

	/** Holds the line item's row until the transaction ends, so that scores to it are taken one at a time. */
	void lockLineItem(long id) {
		this.jdbc.sql("SELECT id FROM demo_line_item WHERE id = ? FOR UPDATE").param(id).query(Long.class).list();
	}

	/** The latest timestamp of a score accepted for {@code userId} on the line item. */
	Optional<Instant> lastTimestamp(long lineItemId, String userId) {
		return this.jdbc.sql("SELECT MAX(score_timestamp) FROM demo_score WHERE line_item_id = ? AND user_id = ?")
			.params(lineItemId, userId)
			.query((row, number) -> Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

	/** Keeps {@code score} (its id is ignored); answers it with the id it was given. */
	Score insertScore(Score score) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO demo_score (line_item_id, user_id, score_given, score_maximum, comment, activity_progress,
				    grading_progress, score_timestamp, submission, received_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(score.lineItemId(), score.userId(), score.scoreGiven(), score.scoreMaximum(), score.comment(),
					score.activityProgress(), score.gradingProgress(), Timestamp.from(score.timestamp()),
					score.submission(), Timestamp.from(score.receivedAt()))
			.update(key);
		return new Score(key.getKey().longValue(), score.lineItemId(), score.userId(), score.scoreGiven(),
				score.scoreMaximum(), score.comment(), score.activityProgress(), score.gradingProgress(),
				score.timestamp(), score.submission(), score.receivedAt());
	}

	/** Each user's latest score on the line item, only {@code userId}'s unless it is null. */
	List<Score> latestScores(long lineItemId, String userId) {
		String latest = """
				WHERE s.line_item_id = ? AND s.id = (SELECT MAX(o.id) FROM demo_score o
				    WHERE o.line_item_id = s.line_item_id AND o.user_id = s.user_id)""";
		return (userId == null) ? scores(latest, lineItemId) : scores(latest + " AND s.user_id = ?", lineItemId, userId);
	}

	/** Every score accepted in the course, oldest first. */
	List<Score> scores(String courseId) {
		return scores("JOIN demo_line_item l ON l.id = s.line_item_id WHERE l.course_id = ?", courseId);
	}

	/** Whether an item placed in the course carries this resource link. */
	boolean placedResourceLink(String courseId, String resourceLinkId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM demo_course_item WHERE course_id = ? AND resource_link_id = ?")
			.params(courseId, resourceLinkId)
			.query(Long.class)
			.single() > 0;
	}

	private List<Score> scores(String where, Object... params) {
		return this.jdbc.sql("SELECT s.* FROM demo_score s " + where + " ORDER BY s.id")
			.params(List.of(params))
			.query(GradebookRecords::score)
			.list();
	}

	private static String nullToEmpty(String value) {
		return (value == null) ? "" : value;
	}

	private static LineItem lineItem(ResultSet row, int number) throws SQLException {
		return new LineItem(row.getLong("id"), row.getString("course_id"), row.getString("client_id"),
				row.getString("label"), row.getDouble("score_maximum"), row.getString("resource_id"),
				row.getString("tag"), row.getString("resource_link_id"));
	}

	private static Score score(ResultSet row, int number) throws SQLException {
		return new Score(row.getLong("id"), row.getLong("line_item_id"), row.getString("user_id"),
				nullableDouble(row, "score_given"), nullableDouble(row, "score_maximum"), row.getString("comment"),
				row.getString("activity_progress"), row.getString("grading_progress"),
				row.getTimestamp("score_timestamp").toInstant(), row.getString("submission"),
				row.getTimestamp("received_at").toInstant());
	}

	private static Double nullableDouble(ResultSet row, String column) throws SQLException {
		double value = row.getDouble(column);
		return row.wasNull() ? null : value;
	}

}
