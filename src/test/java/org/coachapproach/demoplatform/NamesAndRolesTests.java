package org.coachapproach.demoplatform;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The course roster (names and role provisioning services 2.0), page by page. */
class NamesAndRolesTests extends RegisteredStubTool {

	static final String ROSTER = "/demo/api/courses/coach-approach/names_and_roles";

	static final String CONTAINER = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

	String token;

	@BeforeEach
	void token() throws Exception {
		this.token = accessToken(NRPS);
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldListEveryMemberAcrossPages() throws Exception {
		List<Map<String, Object>> members = new ArrayList<>();
		String next = ROSTER + "?limit=20";
		int pages = 0;
		while (next != null) {
			HttpResponse<String> page = this.http.service("GET", next, this.token, CONTAINER, null, null);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(CONTAINER));
			Map<String, Object> container = PlatformHttp.json(page.body());
			assertThat((String) container.get("id")).startsWith(this.issuer + ROSTER);
			assertThat((Map<String, Object>) container.get("context")).containsEntry("id", "c5d3a0e2-7b1f-4d9a-8e62-3f0b9c4a1d57")
				.containsEntry("label", "CA 101")
				.containsEntry("title", "Coach Approach — Demo Course");
			List<?> entries = (List<?>) container.get("members");
			assertThat(entries).hasSizeLessThanOrEqualTo(20);
			entries.forEach(member -> members.add((Map<String, Object>) member));
			next = page.headers().firstValue("Link").map(GradebookServiceTests::nextLink).orElse(null);
			pages++;
		}

		assertThat(pages).isEqualTo(5);
		assertThat(members).hasSize(86).hasSize(this.platform.rosterSize());
		assertThat(new HashSet<>(members.stream().map(member -> member.get("user_id")).toList())).hasSize(86);
		assertThat(members).filteredOn(member -> "Active".equals(member.get("status"))).hasSize(84);
		assertThat(members).filteredOn(member -> "Inactive".equals(member.get("status"))).hasSize(1);
		assertThat(members).filteredOn(member -> "Deleted".equals(member.get("status"))).hasSize(1);
		assertThat(members).filteredOn(member -> ((String) member.get("family_name")).startsWith("Mentor ")).hasSize(43);
		assertThat(members).filteredOn(member -> ((String) member.get("family_name")).startsWith("Mentee ")).hasSize(37);
		Map<String, Object> staff = members.stream()
			.filter(member -> this.platform.subject("staff").equals(member.get("user_id")))
			.findFirst()
			.orElseThrow();
		assertThat(staff).containsEntry("name", "Margaret Lindqvist")
			.containsEntry("given_name", "Margaret")
			.containsEntry("family_name", "Lindqvist")
			.containsEntry("email", "margaret.lindqvist@example.edu")
			.containsEntry("status", "Active")
			.containsEntry("roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
					"http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"));
	}

	@Test
	void shouldUseTheConfiguredPageSizeByDefault() throws Exception {
		HttpResponse<String> first = this.http.service("GET", ROSTER, this.token, CONTAINER, null, null);

		assertThat(this.platform.rosterPageSize()).isEqualTo(30);
		assertThat((List<?>) PlatformHttp.json(first.body()).get("members")).hasSize(30);
		assertThat(first.headers().firstValue("Link")).hasValue("<" + this.issuer + ROSTER + "?limit=30&page=2>; rel=\"next\"");
		HttpResponse<String> last = this.http.service("GET", ROSTER + "?page=3", this.token, CONTAINER, null, null);
		assertThat((List<?>) PlatformHttp.json(last.body()).get("members")).hasSize(26);
		assertThat(last.headers().firstValue("Link")).isEmpty();
	}

	@Test
	void shouldRefuseABadLimitAndFailALaterPageAsPlanned() throws Exception {
		assertThat(this.http.service("GET", ROSTER + "?limit=none", this.token, CONTAINER, null, null).statusCode())
			.isEqualTo(400);
		assertThat(this.http.service("GET", ROSTER + "?limit=-3", this.token, CONTAINER, null, null).statusCode())
			.isEqualTo(400);

		this.platform.failAfter(DemoService.ROSTER, 1, 1, 500, null);

		assertThat(this.http.service("GET", ROSTER, this.token, CONTAINER, null, null).statusCode()).isEqualTo(200);
		assertThat(this.http.service("GET", ROSTER + "?page=2", this.token, CONTAINER, null, null).statusCode())
			.isEqualTo(500);
		assertThat(this.http.service("GET", ROSTER + "?page=2", this.token, CONTAINER, null, null).statusCode())
			.isEqualTo(200);
	}

}
