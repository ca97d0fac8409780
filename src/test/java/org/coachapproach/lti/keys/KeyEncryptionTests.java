package org.coachapproach.lti.keys;

import java.util.Base64;

import com.nimbusds.jose.jwk.RSAKey;
import org.coachapproach.lti.TestPlatform;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The embedded database's key-encryption key comes from the keys file beside it, as every test context's does. */
@SpringBootTest
class KeyEncryptionTests {

	static final String KEK = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	@Autowired
	ToolKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldStoreNewKeysEncryptedAndUseThem() {
		RSAKey key = this.keys.rotate();

		String stored = this.jdbc.sql("SELECT private_jwk FROM lti_tool_key WHERE kid = ?").param(key.getKeyID())
			.query(String.class).single();
		assertThat(stored).startsWith("enc:v1:").doesNotContain("\"d\"");
		assertThat(this.keys.signingKey()).isEqualTo(key);
	}

	@Test
	void shouldReadPlainKeysAndRefuseAWrongKey() {
		String jwk = TestPlatform.newKey().toJSONString();
		KeyEncryption right = new KeyEncryption(KEK);
		String sealed = right.seal(jwk);

		assertThat(right.open(sealed)).isEqualTo(jwk);
		assertThat(right.open(jwk)).isEqualTo(jwk);
		KeyEncryption wrong = new KeyEncryption(Base64.getEncoder().encodeToString(new byte[32]));
		assertThatIllegalStateException().isThrownBy(() -> wrong.open(sealed)).withMessageContaining("do not decrypt");
		assertThatIllegalStateException().isThrownBy(() -> new KeyEncryption("c2hvcnQ=")).withMessageContaining("32 bytes");
		assertThatIllegalStateException().isThrownBy(() -> new KeyEncryption(" ")).withMessageContaining("key-encryption-key");
	}

}
