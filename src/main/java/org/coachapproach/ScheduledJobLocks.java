package org.coachapproach;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs each {@code @SchedulerLock} job on one instance at a time (ShedLock, the {@code shedlock}
 * table): with several instances, every one fires every job, and two could rotate the signing
 * key or queue the same reminders together.
 * <p>
 * The scheduler is proxied, not the methods: only the scheduler's runs take the lock, so a job
 * also called directly (a test, a staff action) runs at once and keeps its return value.
 * ShedLock marks that mode for removal in a later major version; the method proxy would refuse
 * the jobs that return a count.
 */
@Configuration(proxyBeanMethods = false)
@SuppressWarnings("removal")
@EnableSchedulerLock(interceptMode = EnableSchedulerLock.InterceptMode.PROXY_SCHEDULER,
		defaultLockAtMostFor = "PT10M")
class ScheduledJobLocks {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return provider(dataSource);
	}

	/** Times come from the database, so the instances' clocks need not agree. */
	static LockProvider provider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}
