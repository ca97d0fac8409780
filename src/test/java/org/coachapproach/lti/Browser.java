package org.coachapproach.lti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small browser over real HTTP for tests and the launch benchmark: keeps cookies per host
 * (Secure ones too, as browsers do on loopback), follows nothing by itself, and can submit the
 * auto-posting forms LTI uses.
 */
public final class Browser {

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern INPUT = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"",
			Pattern.CASE_INSENSITIVE);

	private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

	private boolean cookiesBlocked;

	/** Behave like a browser that refuses (third-party) cookies. */
	public Browser blockCookies() {
		this.cookiesBlocked = true;
		return this;
	}

	public HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	public HttpResponse<String> post(String url, Map<String, String> form) {
		String body = form.entrySet().stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private volatile String lastLocation;

	/** Where the launch that signed this browser in sent it (its redirect's {@code Location}). */
	public String lastLocation() {
		return this.lastLocation;
	}

	void landedAt(String location) {
		this.lastLocation = location;
	}

	/** A form post whose fields may repeat (checkboxes), in order. */
	public HttpResponse<String> post(String url, List<Map.Entry<String, String>> fields) {
		String body = fields.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Follows redirects from {@code response} (GET), as a browser would. */
	public HttpResponse<String> follow(HttpResponse<String> response) {
		HttpResponse<String> current = response;
		for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
			current = get(current.uri().resolve(current.headers().firstValue("Location").orElseThrow()).toString());
		}
		return current;
	}

	/** Submits the first form on the page with its hidden fields (the LTI auto-post). */
	public HttpResponse<String> submitForm(HttpResponse<String> page) {
		return submitForm(page, "");
	}

	/**
	 * Submits the form of the page whose opening tag contains {@code tagPart} (such as its
	 * {@code id="…"}: a signed-in page's header holds the sign-out form first), with its hidden fields.
	 */
	public HttpResponse<String> submitForm(HttpResponse<String> page, String tagPart) {
		Matcher form = FORM.matcher(page.body());
		while (form.find()) {
			if (!form.group().substring(0, form.group().indexOf('>')).contains(tagPart)) {
				continue;
			}
			Map<String, String> fields = new java.util.LinkedHashMap<>();
			Matcher input = INPUT.matcher(form.group(2));
			while (input.find()) {
				fields.put(unescape(input.group(1)), unescape(input.group(2)));
			}
			return post(page.uri().resolve(unescape(form.group(1))).toString(), fields);
		}
		throw new IllegalStateException("no form " + tagPart + " on " + page.uri() + ":\n" + page.body());
	}

	public String cookie(String host, String name) {
		return this.cookies.getOrDefault(host, Map.of()).get(name);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		request.header("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8");
		HttpRequest built = request.build();
		String host = built.uri().getHost();
		Map<String, String> jar = this.cookies.getOrDefault(host, Map.of());
		if (!jar.isEmpty()) {
			request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
			built = request.build();
		}
		try {
			HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
			if (!this.cookiesBlocked) {
				for (String header : response.headers().allValues("Set-Cookie")) {
					String pair = header.split(";", 2)[0];
					int eq = pair.indexOf('=');
					String name = pair.substring(0, eq).trim();
					String value = pair.substring(eq + 1).trim();
					Map<String, String> hostJar = this.cookies.computeIfAbsent(host, h -> new ConcurrentHashMap<>());
					if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
						hostJar.remove(name);
					}
					else {
						hostJar.put(name, value);
					}
				}
			}
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String queryParameter(String url, String name) {
		String query = URI.create(url).getRawQuery();
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && pair.substring(0, eq).equals(name)) {
				return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String unescape(String html) {
		return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
			.replace("&gt;", ">").replace("&#x3D;", "=").replace("&#61;", "=");
	}

}
