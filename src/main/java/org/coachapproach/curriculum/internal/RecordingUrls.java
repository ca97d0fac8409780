package org.coachapproach.curriculum.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The video platforms whose players the archive may embed. Only their embeddable player
 * addresses are accepted (a YouTube watch page, for one, refuses to be framed), and only over
 * https; any other host must be a direct MP4 file, played in the page's own video element.
 */
public final class RecordingUrls {

	private RecordingUrls() {
	}

	/** Why {@code url} cannot be a recording, or empty when it can. */
	public static Optional<String> problem(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return Optional.of("'" + url + "' is not a valid URL");
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
			return Optional.of("recording URL must be an https address, not '" + url + "'");
		}
		if (uri.getUserInfo() != null) {
			return Optional.of("recording URL must not contain a user name or password");
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		String path = uri.getPath() == null ? "" : uri.getPath();
		if (isOrUnder(host, "kaltura.com") || isOrUnder(host, "instructuremedia.com")) {
			return Optional.empty();
		}
		if (isOrUnder(host, "panopto.com") || isOrUnder(host, "panopto.eu")) {
			return path.toLowerCase(Locale.ROOT).endsWith("/embed.aspx") ? Optional.empty()
					: Optional.of("a Panopto recording needs its embed address (…/Panopto/Pages/Embed.aspx?id=…)");
		}
		if (host.equals("www.youtube.com") || host.equals("youtube.com") || host.equals("www.youtube-nocookie.com")) {
			return path.startsWith("/embed/") ? Optional.empty()
					: Optional.of("a YouTube recording needs its embed address (https://www.youtube-nocookie.com/embed/…)");
		}
		if (host.equals("player.vimeo.com")) {
			return path.startsWith("/video/") ? Optional.empty()
					: Optional.of("a Vimeo recording needs its player address (https://player.vimeo.com/video/…)");
		}
		if (host.equals("vimeo.com")) {
			return Optional.of("a Vimeo recording needs its player address (https://player.vimeo.com/video/…)");
		}
		if (path.toLowerCase(Locale.ROOT).endsWith(".mp4")) {
			return Optional.empty();
		}
		return Optional.of("recording host '" + host + "' is not on the allow-list (Kaltura, Panopto, YouTube, Vimeo, "
				+ "Canvas Studio) and the URL is not a direct .mp4 file");
	}

	/** Whether {@code url} is an https address (captions, transcripts). */
	public static boolean isHttps(String url) {
		try {
			URI uri = new URI(url);
			return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	public static boolean isMp4(String url) {
		try {
			String path = new URI(url).getPath();
			return path != null && path.toLowerCase(Locale.ROOT).endsWith(".mp4");
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static boolean isOrUnder(String host, String domain) {
		return host.equals(domain) || host.endsWith("." + domain);
	}

}
