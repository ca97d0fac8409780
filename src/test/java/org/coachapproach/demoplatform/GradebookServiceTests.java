package org.coachapproach.demoplatform;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.util.JSONArrayUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assignment and grade services: line items (create, read, update, delete, filters,
 * paging), scores checked as Canvas checks them, results, and the instructor's gradebook page.
 */
class GradebookServiceTests extends RegisteredStubTool {

	static final String LINE_ITEMS = "/demo/api/courses/coach-approach/line_items";

	static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";

	static final String CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";

	static final String SCORE = "application/vnd.ims.lis.v1.score+json";

	/** The course's own link (course navigation), a resource link the line items may name. */
	static final String COURSE_LINK = "9e4b7c21-5a3d-4f08-b6e1-2d7c8a9f0b34";

	String token;

	String mentor;

	@BeforeEach
	void token() throws Exception {
		this.token = accessToken(AGS + "lineitem " + AGS + "result.readonly " + AGS + "score");
		this.mentor = this.platform.subject("mentor");
	}

	@Test
	void shouldCreateReadUpdateAndDeleteALineItem() throws Exception {
		String tag = "crud-" + UUID.randomUUID();
		HttpResponse<String> created = this.http.service("POST", LINE_ITEMS, this.token, LINE_ITEM, LINE_ITEM, """
				{"scoreMaximum": 10, "label": "Session 1", "resourceId": "session-1", "tag": "%s",
				 "resourceLinkId": "%s"}""".formatted(tag, COURSE_LINK));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(LINE_ITEM));
		Map<String, Object> item = PlatformHttp.json(created.body());
		String url = (String) item.get("id");
		assertThat(url).startsWith(this.issuer + LINE_ITEMS + "/");
		assertThat(created.headers().firstValue("Location")).hasValue(url);
		assertThat(item).containsEntry("scoreMaximum", 10.0)
			.containsEntry("label", "Session 1")
			.containsEntry("resourceId", "session-1")
			.containsEntry("tag", tag)
			.containsEntry("resourceLinkId", COURSE_LINK);
		assertThat(this.platform.lineItems()).extracting(DemoLineItem::url).contains(url);

		HttpResponse<String> read = this.http.service("GET", url, this.token, LINE_ITEM, null, null);
		assertThat(PlatformHttp.json(read.body())).isEqualTo(item);

		HttpResponse<String> updated = this.http.service("PUT", url, this.token, LINE_ITEM, LINE_ITEM,
				"{\"scoreMaximum\": 20, \"label\": \"Session one\", \"tag\": \"" + tag + "\"}");
		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
		assertThat(PlatformHttp.json(updated.body())).containsEntry("scoreMaximum", 20.0)
			.containsEntry("label", "Session one")
			.containsEntry("resourceLinkId", COURSE_LINK)
			.doesNotContainKey("resourceId");

		assertThat(this.http.service("DELETE", url, this.token, null, null, null).statusCode()).isEqualTo(204);
		assertThat(this.http.service("GET", url, this.token, LINE_ITEM, null, null).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldRefuseABadLineItemAndCreateNothing() throws Exception {
		int before = this.platform.lineItems().size();
		Map<String, String> bad = Map.of("no label", "{\"scoreMaximum\": 10}", "empty label",
				"{\"scoreMaximum\": 10, \"label\": \" \"}", "zero maximum", "{\"scoreMaximum\": 0, \"label\": \"A\"}",
				"text maximum", "{\"scoreMaximum\": \"10\", \"label\": \"A\"}", "unknown resource link",
				"{\"scoreMaximum\": 10, \"label\": \"A\", \"resourceLinkId\": \"nowhere\"}", "not JSON", "{label");

		for (Map.Entry<String, String> body : bad.entrySet()) {
			HttpResponse<String> response = this.http.service("POST", LINE_ITEMS, this.token, LINE_ITEM, LINE_ITEM,
					body.getValue());

			assertThat(response.statusCode()).as(body.getKey()).isEqualTo(400);
			assertThat((String) ((Map<?, ?>) PlatformHttp.json(response.body()).get("errors")).get("message"))
				.as(body.getKey())
				.isNotBlank();
		}
		assertThat(this.platform.lineItems()).hasSize(before);
	}

	@Test
	void shouldFilterAndPageTheLineItems() throws Exception {
		String tag = "paged-" + UUID.randomUUID();
		for (int i = 1; i <= 5; i++) {
			createLineItem("Page " + i, "resource-" + (i % 2), tag);
		}

		List<Object> all = new ArrayList<>();
		String next = LINE_ITEMS + "?tag=" + tag + "&limit=2";
		int pages = 0;
		while (next != null) {
			HttpResponse<String> page = this.http.service("GET", next, this.token, CONTAINER, null, null);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(CONTAINER));
			List<Object> entries = JSONArrayUtils.parse(page.body());
			assertThat(entries).hasSizeLessThanOrEqualTo(2);
			all.addAll(entries);
			next = page.headers().firstValue("Link").map(GradebookServiceTests::nextLink).orElse(null);
			pages++;
		}

		assertThat(pages).isEqualTo(3);
		assertThat(labels(all)).containsExactly("Page 1", "Page 2", "Page 3", "Page 4", "Page 5");
		List<Object> odd = JSONArrayUtils.parse(this.http
			.service("GET", LINE_ITEMS + "?tag=" + tag + "&resource_id=resource-1", this.token, CONTAINER, null, null)
			.body());
		assertThat(labels(odd)).containsExactly("Page 1", "Page 3", "Page 5");
		List<Object> linked = JSONArrayUtils.parse(this.http
			.service("GET", LINE_ITEMS + "?resource_link_id=" + COURSE_LINK + "&tag=" + tag, this.token, CONTAINER, null,
					null)
			.body());
		assertThat(linked).isEmpty();
		assertThat(this.http.service("GET", LINE_ITEMS + "?limit=0", this.token, CONTAINER, null, null).statusCode())
			.isEqualTo(400);
	}

	@Test
	void shouldLetAReadOnlyTokenListButNotCreate() throws Exception {
		String readOnly = accessToken(AGS + "lineitem.readonly");

		assertThat(this.http.service("GET", LINE_ITEMS, readOnly, CONTAINER, null, null).statusCode()).isEqualTo(200);
		assertThat(this.http.service("POST", LINE_ITEMS, readOnly, LINE_ITEM, LINE_ITEM,
				"{\"scoreMaximum\": 1, \"label\": \"A\"}").statusCode()).isEqualTo(403);
		String url = createLineItem("Scored", null, null);
		assertThat(this.http.service("POST", url + "/scores", readOnly, null, SCORE, score(this.mentor, 1, 1,
				Instant.now())).statusCode()).isEqualTo(403);
	}

	@Test
	void shouldKeepAScoreAndShowItInResultsAndTheGradebook() throws Exception {
		String url = createLineItem("Session 2: Listening", "session-2", null);
		String body = """
				{"userId": "%s", "scoreGiven": 7.5, "scoreMaximum": 10, "comment": "Well done",
				 "activityProgress": "Completed", "gradingProgress": "FullyGraded", "timestamp": "%s",
				 "https://canvas.instructure.com/lti/submission": {"new_submission": true,
				   "submission_type": "basic_lti_launch", "submission_data": "https://tool.example/s/2",
				   "submitted_at": "%s"}}""".formatted(this.mentor, Instant.now(), Instant.now().minusSeconds(5));

		HttpResponse<String> posted = this.http.service("POST", url + "/scores", this.token, null, SCORE, body);

		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
		assertThat((String) PlatformHttp.json(posted.body()).get("resultUrl")).startsWith(url + "/results");
		assertThat(this.platform.scorePostCount(url, this.mentor)).isEqualTo(1);
		DemoScore kept = this.platform.scoresReceived().get(this.platform.scoresReceived().size() - 1);
		assertThat(kept.lineItemUrl()).isEqualTo(url);
		assertThat(kept.scoreGiven()).isEqualTo(7.5);
		assertThat(kept.comment()).isEqualTo("Well done");
		assertThat(kept.submission()).contains("\"submission_type\":\"basic_lti_launch\"");

		HttpResponse<String> results = this.http.service("GET", url + "/results", this.token,
				"application/vnd.ims.lis.v2.resultcontainer+json", null, null);
		assertThat(results.statusCode()).isEqualTo(200);
		List<Object> list = JSONArrayUtils.parse(results.body());
		assertThat(list).hasSize(1);
		assertThat((Map<String, Object>) list.get(0)).containsEntry("userId", this.mentor)
			.containsEntry("resultScore", 7.5)
			.containsEntry("resultMaximum", 10.0)
			.containsEntry("scoreOf", url);

		HttpResponse<String> gradebook = this.http.get(this.platform.gradebookUrl("instructor").toString());
		assertThat(gradebook.statusCode()).isEqualTo(200);
		assertThat(gradebook.body()).contains("<caption", "Session 2: Listening (out of 10)", "7.5 / 10");
		String row = gradebook.body().substring(gradebook.body().indexOf("data-user=\"" + this.mentor + "\""));
		assertThat(row.substring(0, row.indexOf("</tr>"))).contains("7.5 / 10").contains("Amara Okafor");
		assertThat(this.http.get(this.platform.gradebookUrl("mentor").toString()).statusCode()).isEqualTo(403);
	}

	@Test
	void shouldRefuseBadScoresAsCanvasDoesAndKeepNone() throws Exception {
		String url = createLineItem("Refusals", null, null);
		Instant now = Instant.now();
		Map<String, Integer> bad = Map.of(
				"submitted in the future", 400,
				"timestamp out of range", 400,
				"no timestamp", 400,
				"no userId", 400,
				"bad activityProgress", 400,
				"bad timestamp", 400,
				"not a member", 422,
				"an instructor", 422,
				"scoreGiven without scoreMaximum", 422);
		Map<String, String> bodies = Map.of(
				"submitted in the future", score(this.mentor, 1, 1, now).replace("}",
						", \"https://canvas.instructure.com/lti/submission\": {\"submitted_at\": \""
								+ now.plusSeconds(3600) + "\"}}"),
				"timestamp out of range", score(this.mentor, 1, 1, Instant.parse("2100-01-01T00:00:00Z")),
				"no timestamp", score(this.mentor, 1, 1, now).replaceAll(",\\s*\"timestamp\": \"[^\"]+\"", ""),
				"no userId", score(this.mentor, 1, 1, now).replace("\"userId\"", "\"user\""),
				"bad activityProgress", score(this.mentor, 1, 1, now).replace("\"Completed\"", "\"Done\""),
				"bad timestamp", score(this.mentor, 1, 1, now).replace(now.toString(), "yesterday"),
				"not a member", score("someone-else", 1, 1, now),
				"an instructor", score(this.platform.subject("instructor"), 1, 1, now),
				"scoreGiven without scoreMaximum", score(this.mentor, 1, 1, now).replaceAll(", \"scoreMaximum\": [0-9.]+", ""));

		for (Map.Entry<String, Integer> refusal : bad.entrySet()) {
			HttpResponse<String> response = this.http.service("POST", url + "/scores", this.token, null, SCORE,
					bodies.get(refusal.getKey()));
			assertThat(response.statusCode()).as(refusal.getKey() + ": " + response.body()).isEqualTo(refusal.getValue());
		}
		assertThat(this.platform.scoresReceived()).noneMatch(score -> score.lineItemUrl().equals(url));
		assertThat(this.http.service("POST", LINE_ITEMS + "/999999/scores", this.token, null, SCORE,
				score(this.mentor, 1, 1, now)).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldRefuseAnOlderTimestampButAcceptTheSameOneAsCanvasDoes() throws Exception {
		String url = createLineItem("Timestamps", null, null);
		Instant now = Instant.parse("2026-11-28T20:00:00.123456Z");
		String mentee = this.platform.subject("mentee");
		assertThat(post(url, score(mentee, 1, 2, now))).isEqualTo(200);

		HttpResponse<String> older = this.http.service("POST", url + "/scores", this.token, null, SCORE,
				score(mentee, 0, 2, now.minusMillis(1)));
		assertThat(older.statusCode()).isEqualTo(400);
		assertThat(older.body()).contains("before last updated timestamp");
		assertThat(post(url, score(mentee, 2, 2, now))).isEqualTo(200);

		assertThat(this.platform.scorePostCount(url, mentee)).isEqualTo(2);
		List<Object> results = JSONArrayUtils.parse(this.http
			.service("GET", url + "/results?user_id=" + mentee, this.token, null, null, null)
			.body());
		assertThat(results).hasSize(1);
		assertThat(((Map<?, ?>) results.get(0)).get("resultScore")).isEqualTo(2.0);
	}

	@Test
	void shouldFailScorePostsAsPlannedAndKeepNoneOfThem() throws Exception {
		String url = createLineItem("Faults", null, null);
		long before = this.platform.requestsReceived(DemoService.SCORES);
		this.platform.failNext(DemoService.SCORES, 1, 429, "2");

		HttpResponse<String> limited = this.http.service("POST", url + "/scores", this.token, null, SCORE,
				score(this.mentor, 1, 1, Instant.now()));
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(this.platform.scorePostCount(url, this.mentor)).isZero();

		assertThat(post(url, score(this.mentor, 1, 1, Instant.now()))).isEqualTo(200);
		assertThat(this.platform.scorePostCount(url, this.mentor)).isEqualTo(1);
		assertThat(this.platform.requestsReceived(DemoService.SCORES)).isEqualTo(before + 2);
	}

	private int post(String url, String score) throws Exception {
		return this.http.service("POST", url + "/scores", this.token, null, SCORE, score).statusCode();
	}

	private String createLineItem(String label, String resourceId, String tag) throws Exception {
		String body = "{\"scoreMaximum\": 10, \"label\": \"" + label + "\""
				+ ((resourceId != null) ? ", \"resourceId\": \"" + resourceId + "\"" : "")
				+ ((tag != null) ? ", \"tag\": \"" + tag + "\"" : "") + "}";
		HttpResponse<String> created = this.http.service("POST", LINE_ITEMS, this.token, LINE_ITEM, LINE_ITEM, body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return (String) PlatformHttp.json(created.body()).get("id");
	}

	private static String score(String userId, double given, double maximum, Instant timestamp) {
		return """
				{"userId": "%s", "scoreGiven": %s, "scoreMaximum": %s, "activityProgress": "Completed",
				 "gradingProgress": "FullyGraded", "timestamp": "%s"}""".formatted(userId, given, maximum, timestamp);
	}

	private static List<String> labels(List<Object> lineItems) {
		return lineItems.stream().map(entry -> (String) ((Map<?, ?>) entry).get("label")).toList();
	}

	static String nextLink(String header) {
		for (String link : header.split(",")) {
			if (link.contains("rel=\"next\"")) {
				return link.substring(link.indexOf('<') + 1, link.indexOf('>'));
			}
		}
		return null;
	}

}
