package org.coachapproach.demoplatform;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.coachapproach.OtherAddresses;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo platform lets anyone in as program staff, so it answers only requests made directly
 * on this machine. The test server listens on every interface; reached through another address
 * of this machine, it sees a peer that is not loopback, as a request from the network would be.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ThisMachineOnlyTests {

	static final String REFUSAL = "The demo platform only answers on the computer that runs it";

	static final List<String> PATHS = List.of("/demo", "/demo/.well-known/openid-configuration", "/demo/jwks",
			"/demo/assets/platform.css", "/demo/courses/coach-approach/launch?person=staff");

	final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Test
	void shouldRefuseAPeerThatIsNotLoopback() throws Exception {
		for (InetAddress address : OtherAddresses.require()) {
			for (String path : PATHS) {
				assertRefused(get(OtherAddresses.url(address, this.port, path), Map.of()));
				assertRefused(get(OtherAddresses.url(address, this.port, path), Map.of("X-Forwarded-For", "127.0.0.1")));
			}
			assertRefused(this.client.send(HttpRequest.newBuilder(OtherAddresses.url(address, this.port,
					"/demo/tool-registration")).POST(HttpRequest.BodyPublishers.noBody()).build(),
					HttpResponse.BodyHandlers.ofString()));
		}
	}

	@Test
	void shouldRefuseARequestThroughAProxyOnThisMachine() throws Exception {
		for (Map<String, String> proxied : List.of(Map.of("X-Forwarded-For", "203.0.113.7"),
				Map.of("X-Forwarded-For", "127.0.0.1"), Map.of("Forwarded", "for=127.0.0.1"),
				Map.of("X-Real-IP", "127.0.0.1"), Map.of("X-Forwarded-Proto", "https"))) {
			for (String path : PATHS) {
				assertRefused(get(URI.create("http://127.0.0.1:" + this.port + path), proxied));
			}
		}
	}

	@Test
	void shouldAnswerARequestMadeDirectlyOnThisMachine() throws Exception {
		for (String host : List.of("127.0.0.1", "localhost")) {
			for (String path : PATHS) {
				HttpResponse<String> answer = get(URI.create("http://" + host + ":" + this.port + path), Map.of());

				assertThat(answer.statusCode()).as("%s%s", host, path).isEqualTo(200);
				assertThat(answer.body()).as("%s%s", host, path).doesNotContain(REFUSAL);
			}
		}
	}

	private HttpResponse<String> get(URI url, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Accept", "text/html,*/*");
		headers.forEach(request::header);
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertRefused(HttpResponse<String> answer) {
		String what = answer.request().method() + " " + answer.uri() + " " + answer.request().headers().map();
		assertThat(answer.statusCode()).as(what).isEqualTo(403);
		assertThat(answer.body()).as(what).contains(REFUSAL).doesNotContain("Launch as", "client_id", "\"keys\"");
	}

}
