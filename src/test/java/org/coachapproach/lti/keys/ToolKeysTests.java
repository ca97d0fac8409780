package org.coachapproach.lti.keys;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class ToolKeysTests {

	@Autowired
	ToolKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldKeepTheSigningKeyInTheDatabaseAndPublishOnlyItsPublicPart() {
		RSAKey signing = this.keys.signingKey();

		assertThat(signing.isPrivate()).isTrue();
		assertThat(signing.size()).isEqualTo(2048);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM lti_tool_key WHERE kid = ? AND retired_at IS NULL")
			.param(signing.getKeyID()).query(Integer.class).single()).isEqualTo(1);
		JWKSet published = this.keys.publicKeys();
		assertThat(published.getKeyByKeyId(signing.getKeyID())).isNotNull();
		assertThat(published.getKeys()).noneMatch(k -> k.isPrivate());
	}

	@Test
	void shouldKeepPublishingTheRetiredKeyAfterARotation() {
		RSAKey before = this.keys.signingKey();

		RSAKey after = this.keys.rotate();

		assertThat(after.getKeyID()).isNotEqualTo(before.getKeyID());
		assertThat(this.keys.signingKey().getKeyID()).isEqualTo(after.getKeyID());
		assertThat(this.keys.publicKeys().getKeyByKeyId(before.getKeyID())).isNotNull();
		assertThat(this.keys.publicKeys().getKeyByKeyId(after.getKeyID())).isNotNull();
	}

}
