package org.coachapproach.outbox;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.coachapproach.outreach.MailTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A genuine deadlock on the embedded MariaDB (two transactions locking two rows in opposite
 * order): the victim's transaction is run again as a whole and commits once; an error that is
 * not a lock conflict is not retried.
 */
@MailTest
class ConflictRetryTests {

	@Autowired
	ConflictRetry retry;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void tables() {
		this.jdbc.sql("CREATE TABLE IF NOT EXISTS conflict_probe (id INT PRIMARY KEY, n INT NOT NULL) ENGINE=InnoDB")
			.update();
		this.jdbc.sql("CREATE TABLE IF NOT EXISTS conflict_result (id BIGINT AUTO_INCREMENT PRIMARY KEY, who VARCHAR(20))"
				+ " ENGINE=InnoDB").update();
		this.jdbc.sql("DELETE FROM conflict_probe").update();
		this.jdbc.sql("DELETE FROM conflict_result").update();
		this.jdbc.sql("INSERT INTO conflict_probe VALUES (1, 0), (2, 0), (3, 0), (4, 0)").update();
	}

	@Test
	void shouldRunADeadlockVictimsTransactionAgainAndCommitItOnce() throws Exception {
		CountDownLatch victimHolds = new CountDownLatch(1);
		CountDownLatch otherHolds = new CountDownLatch(1);
		AtomicInteger attempts = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> victim = threads.submit(() -> this.retry.inTransaction(status -> {
				attempts.incrementAndGet();
				this.jdbc.sql("INSERT INTO conflict_result (who) VALUES ('victim')").update();
				this.jdbc.sql("UPDATE conflict_probe SET n = n + 1 WHERE id = 1").update();
				victimHolds.countDown();
				await(otherHolds);
				return this.jdbc.sql("UPDATE conflict_probe SET n = n + 1 WHERE id = 2").update();
			}));
			// Either may be chosen as the victim: both retry, as two instances would.
			Future<?> other = threads.submit(() -> this.retry.inTransaction(status -> {
				attempts.incrementAndGet();
				this.jdbc.sql("INSERT INTO conflict_result (who) VALUES ('other')").update();
				await(victimHolds);
				this.jdbc.sql("UPDATE conflict_probe SET n = n + 1 WHERE id IN (3, 4)").update();
				this.jdbc.sql("UPDATE conflict_probe SET n = n + 1 WHERE id = 2").update();
				otherHolds.countDown();
				return this.jdbc.sql("UPDATE conflict_probe SET n = n + 1 WHERE id = 1").update();
			}));
			other.get(30, TimeUnit.SECONDS);
			victim.get(30, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(attempts).as("two transactions, one deadlock victim run again").hasValue(3);
		assertThat(this.jdbc.sql("SELECT who FROM conflict_result ORDER BY who").query(String.class).list())
			.containsExactly("other", "victim");
		assertThat(this.jdbc.sql("SELECT n FROM conflict_probe ORDER BY id").query(Integer.class).list())
			.containsExactly(2, 2, 1, 1);
	}

	@Test
	void shouldNotRetryAnErrorThatIsNoLockConflict() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> this.retry.inTransaction(status -> {
			attempts.incrementAndGet();
			return this.jdbc.sql("INSERT INTO conflict_probe VALUES (1, 9)").update();
		})).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(attempts).hasValue(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(20, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the other transaction never came");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
