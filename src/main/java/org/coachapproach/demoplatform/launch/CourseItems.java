package org.coachapproach.demoplatform.launch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.coachapproach.demoplatform.services.Gradebook;
import org.coachapproach.demoplatform.services.LineItem;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The links to the tool placed in the course, oldest first. */
@Component("demoCourseItems")
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class CourseItems {

	private final JdbcClient jdbc;

	private final Gradebook gradebook;

	CourseItems(JdbcClient jdbc, Gradebook gradebook) {
		this.jdbc = jdbc;
		this.gradebook = gradebook;
	}

	/**
	 * Places a link to the tool in the course under a new resource link id, with a gradebook
	 * column tied to that link when {@code lineItem} is given (its resource link is ignored).
	 */
	@Transactional
	public CourseItem place(String courseId, String clientId, String title, String text, String url,
			Map<String, String> custom, Gradebook.LineItemFields lineItem) {
		String resourceLinkId = UUID.randomUUID().toString();
		CourseItem item = new CourseItem(UUID.randomUUID().toString(), courseId, clientId, resourceLinkId, title, text,
				url, custom, null);
		this.jdbc.sql("""
				INSERT INTO demo_course_item (id, course_id, client_id, resource_link_id, title, text, url, custom,
				    line_item_id, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(item.id(), courseId, clientId, resourceLinkId, title, text, url, JSONObjectUtils.toJSONString(
					new LinkedHashMap<String, Object>(custom)), null, Timestamp.from(Instant.now()))
			.update();
		if (lineItem == null) {
			return item;
		}
		LineItem column = this.gradebook.create(courseId, clientId, new Gradebook.LineItemFields(lineItem.label(),
				lineItem.scoreMaximum(), lineItem.resourceId(), lineItem.tag(), resourceLinkId));
		this.jdbc.sql("UPDATE demo_course_item SET line_item_id = ? WHERE id = ?").params(column.id(), item.id()).update();
		return new CourseItem(item.id(), courseId, clientId, resourceLinkId, title, text, url, custom, column.id());
	}

	public List<CourseItem> items(String courseId) {
		return this.jdbc.sql("SELECT * FROM demo_course_item WHERE course_id = ? ORDER BY created_at, id")
			.param(courseId)
			.query(CourseItems::map)
			.list();
	}

	public Optional<CourseItem> find(String courseId, String id) {
		return this.jdbc.sql("SELECT * FROM demo_course_item WHERE course_id = ? AND id = ?")
			.params(courseId, id)
			.query(CourseItems::map)
			.optional();
	}

	private static CourseItem map(ResultSet row, int number) throws SQLException {
		Map<String, String> custom = new LinkedHashMap<>();
		try {
			JSONObjectUtils.parse(row.getString("custom")).forEach((key, value) -> custom.put(key, String.valueOf(value)));
		}
		catch (ParseException ex) {
			throw new IllegalStateException("A stored course item's custom parameters are not JSON", ex);
		}
		long lineItem = row.getLong("line_item_id");
		// wasNull tells of the column read last.
		Long lineItemId = row.wasNull() ? null : lineItem;
		return new CourseItem(row.getString("id"), row.getString("course_id"), row.getString("client_id"),
				row.getString("resource_link_id"), row.getString("title"), row.getString("text"), row.getString("url"),
				custom, lineItemId);
	}

}
