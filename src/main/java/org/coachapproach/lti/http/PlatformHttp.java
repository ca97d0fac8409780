package org.coachapproach.lti.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls from the tool to a platform (configuration, registration, key sets): no redirects
 * followed, a deadline on the whole exchange (the JDK's own timeout covers only the headers),
 * and a cap on the body, so a slow or huge answer cannot hold a thread or fill the heap.
 */
public final class PlatformHttp {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/**
	 * Reads answer bodies. Not the common pool: on a two-core machine it has one thread, and a
	 * blocking read there would make every platform call wait for the one before it.
	 */
	private static final java.util.concurrent.ExecutorService READERS = java.util.concurrent.Executors
		.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "platform-http-read");
			thread.setDaemon(true);
			return thread;
		});

	private PlatformHttp() {
	}

	/** A complete answer: status and body (at most {@code maxBytes}). */
	public record Answer(int status, byte[] body, java.net.http.HttpHeaders headers) {

		public String text() {
			return new String(this.body, java.nio.charset.StandardCharsets.UTF_8);
		}

		public java.util.Optional<String> header(String name) {
			return this.headers.firstValue(name);
		}

		public boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

	}

	/**
	 * @throws IOException when the platform cannot be reached in time or answers with more
	 * than {@code maxBytes}
	 */
	public static Answer send(HttpRequest request, int maxBytes, Duration deadline) throws IOException {
		CompletableFuture<HttpResponse<InputStream>> call = CLIENT.sendAsync(request,
				HttpResponse.BodyHandlers.ofInputStream());
		long until = System.nanoTime() + deadline.toNanos();
		try {
			HttpResponse<InputStream> response = call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
			CompletableFuture<byte[]> body = CompletableFuture.supplyAsync(() -> read(response.body(), maxBytes), READERS);
			long left = Math.max(1, until - System.nanoTime());
			try {
				return new Answer(response.statusCode(), body.get(left, TimeUnit.NANOSECONDS), response.headers());
			}
			catch (TimeoutException ex) {
				response.body().close();
				throw new IOException("answer not complete within " + deadline.toSeconds() + " s");
			}
		}
		catch (TimeoutException ex) {
			call.cancel(true);
			throw new IOException("no answer within " + deadline.toSeconds() + " s");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			throw cause instanceof IOException io ? io
					: new IOException(cause instanceof java.io.UncheckedIOException u ? u.getCause().getMessage()
							: String.valueOf(cause.getMessage()), cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted");
		}
	}

	/**
	 * Sends a request to a platform's address, refusing one on this machine or a private
	 * network (looked up: a name resolving to 10.0.0.5 is 10.0.0.5) unless the platform itself
	 * is there, named by a local address or name ({@code platformUrl}: its issuer or
	 * configuration address). Otherwise a platform's configuration or key set URL would make
	 * the tool call inside its own network for whoever registered it.
	 * @throws IOException when refused, unreachable in time, or answering too much
	 */
	public static Answer send(HttpRequest request, String platformUrl, int maxBytes, Duration deadline)
			throws IOException {
		refuseLocal(request.uri(), platformUrl, LocalAddresses.SYSTEM);
		return send(request, maxBytes, deadline);
	}

	static void refuseLocal(URI target, String platformUrl, LocalAddresses.Resolver resolver) throws IOException {
		String platformHost = platformUrl == null ? null : URI.create(platformUrl).getHost();
		if (platformHost != null && LocalAddresses.isLocalName(platformHost)) {
			return;
		}
		String host = target.getHost();
		if (host == null || LocalAddresses.isLocalName(host) || LocalAddresses.resolvesToLocal(host, resolver)) {
			throw new IOException("refused: " + target.getScheme() + "://" + host
					+ " is on this machine or a private network, and the platform is not");
		}
	}

	public static HttpRequest.Builder get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET();
	}

	private static byte[] read(InputStream in, int maxBytes) {
		try (in) {
			byte[] bytes = in.readNBytes(maxBytes + 1);
			if (bytes.length > maxBytes) {
				throw new java.io.UncheckedIOException(new IOException("answer larger than " + maxBytes + " bytes"));
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
