package org.coachapproach.demoplatform.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.util.JSONArrayUtils;
import org.coachapproach.demoplatform.course.DemoSites;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The tools registered with the platform, newest last; each registration is one client id. */
@Component
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class ToolRegistrations {

	private final JdbcClient jdbc;

	private final RegistrationTokens tokens;

	ToolRegistrations(JdbcClient jdbc, RegistrationTokens tokens) {
		this.jdbc = jdbc;
		this.tokens = tokens;
	}

	/**
	 * Registers the tool under a new client id and deployment id, using up {@code token};
	 * empty, with nothing stored, if the token was not usable.
	 */
	@Transactional
	public Optional<ToolRegistration> register(String token, ToolConfiguration submitted) {
		if (!this.tokens.use(token)) {
			return Optional.empty();
		}
		String clientId = UUID.randomUUID().toString();
		String deploymentId = UUID.randomUUID().toString();
		ToolConfiguration answered = submitted.withIds(clientId, deploymentId);
		Instant now = Instant.now();
		String toolOrigin = DemoSites.origin(submitted.initiateLoginUri());
		this.jdbc.sql("""
				INSERT INTO demo_tool_registration (client_id, deployment_id, tool_origin, client_name, initiate_login_uri,
				    target_link_uri, jwks_uri, redirect_uris, configuration, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(clientId, deploymentId, toolOrigin, submitted.clientName().orElse(null), submitted.initiateLoginUri(),
					submitted.targetLinkUri(), submitted.jwksUri(), JSONArrayUtils.toJSONString(submitted.redirectUris()),
					answered.toJson(), Timestamp.from(now))
			.update();
		return Optional.of(new ToolRegistration(clientId, deploymentId, toolOrigin, answered, now));
	}

	public Optional<ToolRegistration> findByClientId(String clientId) {
		return this.jdbc.sql("SELECT * FROM demo_tool_registration WHERE client_id = ?")
			.param(clientId)
			.query(ToolRegistrations::map)
			.optional();
	}

	/** The newest registration of the tool at {@code toolOrigin} (that of its login initiation URL). */
	public Optional<ToolRegistration> latestFor(String toolOrigin) {
		return this.jdbc.sql("SELECT * FROM demo_tool_registration WHERE tool_origin = ? ORDER BY id DESC LIMIT 1")
			.param(toolOrigin)
			.query(ToolRegistrations::map)
			.optional();
	}

	private static ToolRegistration map(ResultSet row, int number) throws SQLException {
		return new ToolRegistration(row.getString("client_id"), row.getString("deployment_id"),
				row.getString("tool_origin"), ToolConfiguration.stored(row.getString("configuration")),
				row.getTimestamp("created_at").toInstant());
	}

}
