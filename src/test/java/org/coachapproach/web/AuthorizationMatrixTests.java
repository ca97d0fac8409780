package org.coachapproach.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jwt.JWTClaimsSet;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.outreach.FeedTokens;
import org.coachapproach.outreach.MailOutbox;
import org.coachapproach.outreach.ReminderKind;
import org.coachapproach.people.PersonId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may reach what: every route of the tool, asked by six personas each signed in to the
 * course that owns the objects the route names, to another course of the same platform, and
 * to a course of another registered platform. The expected statuses live in
 * {@value #MATRIX}, one line per route; the routes come from Spring MVC itself, so a new route
 * without a line fails the build.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	static final String MATRIX = "/security/authorization-matrix.csv";

	private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

	private static final String INSTITUTION_ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

	/** Who asks: a course role from the platform, and maybe a program role from the placement. */
	enum Persona {

		LEARNER(List.of(MEMBERSHIP + "Learner"), null), MENTOR(List.of(MEMBERSHIP + "Learner"), "mentor"),
		MENTEE(List.of(MEMBERSHIP + "Learner"), "mentee"), INSTRUCTOR(List.of(MEMBERSHIP + "Instructor"), null),
		STAFF(List.of(MEMBERSHIP + "Instructor"), "staff"),
		// As Canvas sends it for an account administrator in a course.
		ADMIN(List.of(INSTITUTION_ADMINISTRATOR, MEMBERSHIP + "Instructor"), null);

		final List<String> roles;

		final String programRole;

		Persona(List<String> roles, String programRole) {
			this.roles = roles;
			this.programRole = programRole;
		}

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** Where the persona is signed in, seen from course A that owns every object a route names. */
	enum Scope {

		/** Course A itself. */
		OWN,
		/** Course B of the same registration. */
		COURSE,
		/** Course C of another registered platform. */
		REG;

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	record Cell(Persona persona, Scope scope) {

		String label() {
			return this.persona.label() + ":" + this.scope.label();
		}

	}

	record Route(String method, String pattern) implements Comparable<Route> {

		@Override
		public int compareTo(Route other) {
			return toString().compareTo(other.toString());
		}

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	/** One line of the matrix file. */
	record Line(int number, Route route, String request, String body, Map<Cell, String> expected, String withoutSession,
			String note) {
	}

	static final List<Cell> CELLS = cells();

	/** The column of someone with no session at all (no cookie, no token). */
	static final String WITHOUT_SESSION = "none";

	/** method, pattern, request, body, the persona cells, none, note. */
	static final int COLUMNS = 4 + CELLS.size() + 2;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FeedTokens feedTokens;

	@Autowired
	MailOutbox outbox;

	TestPlatform platform;

	TestPlatform otherPlatform;

	final Map<String, String> fixtures = new LinkedHashMap<>();

	final Map<Cell, String> sessions = new LinkedHashMap<>();

	@BeforeAll
	void launchEveryone() throws Exception {
		this.platform = new TestPlatform();
		this.otherPlatform = TestPlatform.onLoopback();
		this.platform.registerWith(this.registrations);
		this.otherPlatform.registerWith(this.registrations);
		String run = Long.toString(System.nanoTime());
		String courseA = "matrix-a-" + run;
		courseAFixtures(courseA, run);
		Map<Scope, String> courses = Map.of(Scope.OWN, courseA, Scope.COURSE, "matrix-b-" + run, Scope.REG,
				"matrix-c-" + run);
		for (Cell cell : CELLS) {
			TestPlatform from = cell.scope() == Scope.REG ? this.otherPlatform : this.platform;
			Browser browser = launch(from, courses.get(cell.scope()), "matrix-" + cell.persona().label() + "-"
					+ cell.scope().label() + "-" + run, cell.persona().roles, cell.persona().programRole, c -> c);
			this.sessions.put(cell, browser.cookie("localhost", "__Host-ca_session"));
		}
	}

	@AfterAll
	void stopPlatforms() {
		this.platform.close();
		this.otherPlatform.close();
	}

	@Test
	void shouldHaveALineForEveryRouteAndARouteForEveryLine() {
		Set<Route> routes = routes();
		List<Line> lines = lines();
		Set<Route> listed = lines.stream().map(Line::route).collect(Collectors.toCollection(TreeSet::new));
		List<String> problems = new ArrayList<>();
		for (Route route : routes) {
			if (!listed.contains(route)) {
				problems.add("route without a line in " + MATRIX + ": " + route + "\n    add e.g.: " + route.method()
						+ ", " + route.pattern() + ", , " + ", ?".repeat(CELLS.size() + 1) + ", ");
			}
		}
		for (Line line : lines) {
			if (!routes.contains(line.route())) {
				problems.add("line " + line.number() + " names a route the tool no longer has: " + line.route());
			}
		}
		Set<Route> seen = new TreeSet<>();
		for (Line line : lines) {
			if (!seen.add(line.route())) {
				problems.add("line " + line.number() + " repeats " + line.route());
			}
		}
		assertThat(problems).as("routes and the lines of " + MATRIX).isEmpty();
	}

	@Test
	void shouldAnswerEveryPersonaInEveryScopeAsTheMatrixSays() {
		List<String> differences = new ArrayList<>();
		List<String> corrected = new ArrayList<>();
		Set<Route> routes = routes();
		for (Line line : lines()) {
			if (!routes.contains(line.route())) {
				continue; // reported by the coverage test
			}
			Map<Cell, String> actual = new LinkedHashMap<>();
			for (Cell cell : CELLS) {
				actual.put(cell, Integer.toString(request(line, this.sessions.get(cell))));
			}
			String anonymous = Integer.toString(request(line, null));
			List<String> wrong = new ArrayList<>(CELLS.stream()
				.filter(cell -> !actual.get(cell).equals(line.expected().get(cell)))
				.map(cell -> cell.label() + " expected " + line.expected().get(cell) + " but was " + actual.get(cell))
				.toList());
			if (!anonymous.equals(line.withoutSession())) {
				wrong.add(WITHOUT_SESSION + " expected " + line.withoutSession() + " but was " + anonymous);
			}
			if (!wrong.isEmpty()) {
				differences.add("line " + line.number() + " " + line.route() + ":\n    " + String.join("\n    ", wrong));
				corrected.add(format(line, actual, anonymous));
			}
		}
		assertThat(differences).as("statuses that differ from " + MATRIX + "; the lines as the tool answers now:\n"
				+ String.join("\n", corrected) + "\n")
			.isEmpty();
	}

	/** Every (method, pattern) of the tool's own controllers; the demo platform is not the tool. */
	Set<Route> routes() {
		Set<Route> routes = new TreeSet<>();
		for (RequestMappingHandlerMapping mapping : this.context.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				String type = entry.getValue().getBeanType().getName();
				if (!type.startsWith("org.coachapproach.") || type.startsWith("org.coachapproach.demoplatform.")) {
					continue;
				}
				RequestMappingInfo info = entry.getKey();
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String pattern : info.getPatternValues()) {
					if (methods.isEmpty()) {
						routes.add(new Route("ANY", pattern));
					}
					for (RequestMethod method : methods) {
						routes.add(new Route(method.name(), pattern));
					}
				}
			}
		}
		return routes;
	}

	static List<Line> lines() {
		try (InputStream in = AuthorizationMatrixTests.class.getResourceAsStream(MATRIX)) {
			assertThat(in).as(MATRIX).isNotNull();
			String[] text = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
			List<Line> lines = new ArrayList<>();
			boolean header = true;
			for (int i = 0; i < text.length; i++) {
				String raw = text[i].strip();
				if (raw.isEmpty() || raw.startsWith("#")) {
					continue;
				}
				// The note is the last column and may itself hold commas.
				String[] cells = raw.split(",", COLUMNS);
				for (int c = 0; c < cells.length; c++) {
					cells[c] = cells[c].strip();
				}
				if (cells.length != COLUMNS) {
					throw new AssertionError(MATRIX + " line " + (i + 1) + " has " + cells.length + " columns, not "
							+ COLUMNS + ": " + raw);
				}
				if (header) {
					assertThat(List.of(cells)).as(MATRIX + " header").isEqualTo(headerColumns());
					header = false;
					continue;
				}
				Map<Cell, String> expected = new LinkedHashMap<>();
				for (int c = 0; c < CELLS.size(); c++) {
					expected.put(CELLS.get(c), cells[4 + c]);
				}
				lines.add(new Line(i + 1, new Route(cells[0], cells[1]), cells[2], cells[3], expected,
						cells[4 + CELLS.size()], cells[cells.length - 1]));
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> headerColumns() {
		List<String> columns = new ArrayList<>(List.of("method", "pattern", "request", "body"));
		CELLS.forEach(cell -> columns.add(cell.label()));
		columns.add(WITHOUT_SESSION);
		columns.add("note");
		return columns;
	}

	/** The line as the tool answers now, for pasting into the matrix after review. */
	static String format(Line line, Map<Cell, String> statuses, String withoutSession) {
		return line.route().method() + ", " + line.route().pattern() + ", " + line.request() + ", " + line.body() + ", "
				+ CELLS.stream().map(statuses::get).collect(Collectors.joining(", ")) + ", " + withoutSession + ", "
				+ line.note();
	}

	/**
	 * Asks the route as the tool's own page would: the session cookie, a same-origin fetch, and
	 * for a state change a same-origin form post.
	 */
	int request(Line line, String session) {
		String path = fill(line.request().isEmpty() ? line.route().pattern() : line.request(), line);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tool(path)))
			.header("Sec-Fetch-Site", "same-origin")
			.header("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8");
		if (session != null) {
			request.header("Cookie", "__Host-ca_session=" + session);
		}
		String method = line.route().method().equals("ANY") ? "GET" : line.route().method();
		if (method.equals("GET")) {
			request.GET();
		}
		else {
			request.header("Origin", tool(""))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method, HttpRequest.BodyPublishers.ofString(fill(line.body(), line)));
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String fill(String template, Line line) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			String value = this.fixtures.get(matcher.group(1));
			if (value == null) {
				throw new AssertionError(MATRIX + " line " + line.number() + ": no fixture {" + matcher.group(1)
						+ "}; the fixtures are " + this.fixtures.keySet());
			}
			matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
		}
		return matcher.appendTail(filled).toString();
	}

	/**
	 * Course A with one of each object a route names by id, made through the tool's own pages
	 * by its program staff and a mentor and mentee.
	 */
	private void courseAFixtures(String courseA, String run) {
		List<String> staffRoles = List.of(MEMBERSHIP + "Instructor");
		Browser owner = launch(this.platform, courseA, "matrix-owner-" + run, staffRoles, "staff",
				c -> c.claim("name", "Olive Owner"));
		Browser mentor = launch(this.platform, courseA, "matrix-mentor-" + run, List.of(MEMBERSHIP + "Learner"), "mentor",
				c -> c.claim("name", "Mara Mentor"));
		Browser mentee = launch(this.platform, courseA, "matrix-mentee-" + run, List.of(MEMBERSHIP + "Learner"), "mentee",
				c -> c.claim("name", "Theo Mentee"));
		Browser otherMentee = launch(this.platform, courseA, "matrix-mentee2-" + run, List.of(MEMBERSHIP + "Learner"),
				"mentee", c -> c.claim("name", "Cleo Mentee"));

		// A published pair, with a proposed meeting time.
		expect(mentor.post(tool("/matching/intake"), intake("1")), 302, "mentor intake");
		expect(mentee.post(tool("/matching/intake"), intake(null)), 302, "mentee intake");
		expect(owner.post(tool("/matching/run"), Map.of()), 302, "matching run");
		long proposal = this.jdbc.sql("""
				SELECT MAX(p.id) FROM matching_proposal p JOIN course c ON c.id = p.course_id WHERE c.context_id = ?""")
			.param(courseA)
			.query(Long.class)
			.single();
		expect(owner.post(tool("/matching/publish"), Map.of("proposal", "" + proposal)), 302, "publish");
		long pair = this.jdbc.sql("SELECT id FROM matching_pair WHERE proposal_id = ?").param(proposal)
			.query(Long.class).single();
		LocalDateTime nextWeek = LocalDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.HOURS);
		expect(mentor.post(tool("/matching/pairs/" + pair + "/times"),
				Map.of("time", nextWeek.toString(), "duration", "45")), 302, "proposed time");
		long time = this.jdbc.sql("SELECT id FROM matching_time_proposal WHERE pair_id = ?").param(pair)
			.query(Long.class).single();
		expect(mentee.post(tool("/matching/pairs/" + pair + "/meetings"), Map.of("metOn",
				LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(), "duration", "30", "format", "VIDEO", "topics",
				"First meeting", "behaviours", "active-listening")), 302, "logged meeting");

		// A matching rule for a mentee not yet matched.
		expect(otherMentee.post(tool("/matching/intake"), intake(null)), 302, "other mentee intake");
		long otherMenteeId = person(courseA, "Cleo Mentee");
		long mentorId = person(courseA, "Mara Mentor");
		expect(owner.post(tool("/matching/rules"),
				Map.of("mentee", "" + otherMenteeId, "mentor", "" + mentorId, "kind", "EXCLUDE")), 302, "rule");
		long rule = this.jdbc.sql("""
				SELECT MAX(r.id) FROM matching_pair_rule r JOIN course c ON c.id = r.course_id WHERE c.context_id = ?""")
			.param(courseA)
			.query(Long.class)
			.single();

		// An open survey window.
		expect(owner.post(tool("/course/surveys/mentor-prepost"),
				Map.of("pre.opens", LocalDate.now().minusDays(1).toString(), "pre.closes",
						LocalDate.now().plusDays(7).toString())),
				302, "survey window");

		// A CFDS session scheduled in a few days.
		ZonedDateTime start = ZonedDateTime.now(ZoneId.of("America/Chicago")).plusDays(3).truncatedTo(ChronoUnit.HOURS);
		String title = "Matrix session " + run;
		Map<String, String> session = new LinkedHashMap<>();
		session.put("date", start.toLocalDate().toString());
		session.put("startTime", start.toLocalTime().toString());
		session.put("timeZone", start.getZone().getId());
		session.put("durationMinutes", "60");
		session.put("title", title);
		session.put("category", "professional-leadership");
		session.put("presenter", "Kevin Osei, MD");
		session.put("summary", "Speaking to a room.");
		session.put("joinUrl", "https://meet.example.edu/j/" + run);
		session.put("permissionToRecord", "true");
		// Scheduling is the program's, so an institution administrator of registration 1 does it.
		Browser institution = launch(this.platform, courseA, "matrix-institution-" + run,
				List.of(INSTITUTION_ADMINISTRATOR, MEMBERSHIP + "Instructor"), null, c -> c);
		expect(institution.post(tool("/series/schedule"), session), 302, "scheduled session");
		String scheduled = this.jdbc.sql("SELECT session_id FROM series_schedule WHERE title = ?").param(title)
			.query(String.class).single();

		// A deep linking request of the course's instructor.
		Browser placing = launch(this.platform, courseA, "matrix-owner-" + run, staffRoles, "staff",
				c -> c.claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingRequest")
					.claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", null)
					.claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
							Map.of("deep_link_return_url", "https://platform.test/courses/7/deep_links", "accept_types",
									List.of("ltiResourceLink")))
					.claim("https://www.instructure.com/placement", "assignment_selection"));
		String placement = placing.lastLocation().replaceAll(".*/placements/([^/?#]+).*", "$1");

		this.fixtures.put("pair", "" + pair);
		this.fixtures.put("time", "" + time);
		this.fixtures.put("proposal", "" + proposal);
		this.fixtures.put("rule", "" + rule);
		this.fixtures.put("mentee", "" + person(courseA, "Theo Mentee"));
		this.fixtures.put("othermentee", "" + otherMenteeId);
		this.fixtures.put("mentor", "" + mentorId);
		this.fixtures.put("scheduled", scheduled);
		this.fixtures.put("placement", placement);
		this.fixtures.put("yesterday", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
		this.fixtures.put("opens", LocalDate.now().minusDays(1).toString());
		this.fixtures.put("closes", LocalDate.now().plusDays(7).toString());
		this.fixtures.put("nextweek", nextWeek.plusDays(1).toString());
		// The email switches as they are, so that saving them changes nothing for other tests.
		org.coachapproach.people.ProgramId programA = new org.coachapproach.people.ProgramId(this.jdbc
			.sql("SELECT program_id FROM course WHERE context_id = ?").param(courseA).query(Long.class).single());
		this.fixtures.put("switches", Arrays.stream(ReminderKind.values())
			.filter(kind -> this.outbox.enabled(programA, kind))
			.map(kind -> "enabled=" + kind.label() + "&")
			.collect(Collectors.joining()));
		this.fixtures.put("feed", this.feedTokens.tokenFor(programA, new PersonId(mentorId)));
	}

	private static Map<String, String> intake(String capacity) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("division.options", "general-internal-medicine");
		form.put("specialty.options", "cardiology");
		form.put("gender-identity.options", capacity == null ? "man" : "woman");
		form.put("gender-identity.direction", "none");
		if (capacity != null) {
			form.put("capacity", capacity);
		}
		return form;
	}

	private Browser launch(TestPlatform from, String course, String subject, List<String> roles, String programRole,
			UnaryOperator<JWTClaimsSet.Builder> adjust) {
		return from.signIn(tool(""), subject,
				claims -> adjust.apply(claims.claim("name", "Matrix " + subject)
					.claim("https://purl.imsglobal.org/spec/lti/claim/roles", roles)
					.claim("https://purl.imsglobal.org/spec/lti/claim/context",
							Map.of("id", course, "title", "Course " + course, "label", "MX"))
					.claim("https://purl.imsglobal.org/spec/lti/claim/custom",
							programRole == null ? Map.of() : Map.of("program_role", programRole))));
	}

	private long person(String course, String name) {
		return this.jdbc.sql("""
				SELECT p.id FROM person p JOIN membership m ON m.person_id = p.id JOIN course c ON c.id = m.course_id
				WHERE p.display_name = ? AND c.context_id = ?""")
			.params(name, course)
			.query(Long.class)
			.single();
	}

	private static void expect(HttpResponse<String> response, int status, String what) {
		assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
	}

	private String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static List<Cell> cells() {
		List<Cell> cells = new ArrayList<>();
		for (Persona persona : Persona.values()) {
			for (Scope scope : Scope.values()) {
				cells.add(new Cell(persona, scope));
			}
		}
		return List.copyOf(cells);
	}

}
