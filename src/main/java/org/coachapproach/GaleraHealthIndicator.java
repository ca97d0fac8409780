package org.coachapproach;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On a Galera node, whether it takes application work: a node cut off from the majority stays
 * reachable (so the {@code db} check's ping passes) but refuses every query with "WSREP has not
 * yet prepared node for application use". Reported as {@code galera} in health and readiness, so
 * a balancer takes an instance on such a node out until the cluster has a primary again. On a
 * server without Galera (the embedded one) it is up and says so.
 */
@Component("galeraHealthIndicator")
class GaleraHealthIndicator implements HealthIndicator {

	private final JdbcClient jdbc;

	GaleraHealthIndicator(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Health health() {
		// A server built with wsrep but not in a cluster (Debian's, the embedded one) has it off.
		boolean galera = this.jdbc.sql("SHOW GLOBAL VARIABLES LIKE 'wsrep_on'")
			.query((rs, row) -> rs.getString(2))
			.optional()
			.filter("ON"::equalsIgnoreCase)
			.isPresent();
		if (!galera) {
			return Health.up().withDetail("cluster", "none").build();
		}
		Map<String, String> status = new HashMap<>();
		// SHOW STATUS answers on a non-primary node too, where queries on tables are refused.
		this.jdbc.sql("SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_cluster_status', "
				+ "'wsrep_local_state_comment', 'wsrep_cluster_size')")
			.query(rs -> {
				status.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
			});
		boolean ready = "ON".equalsIgnoreCase(status.get("wsrep_ready"))
				&& "Primary".equalsIgnoreCase(status.get("wsrep_cluster_status"));
		return (ready ? Health.up() : Health.down())
			.withDetail("ready", status.get("wsrep_ready"))
			.withDetail("clusterStatus", status.get("wsrep_cluster_status"))
			.withDetail("state", status.getOrDefault("wsrep_local_state_comment", ""))
			.withDetail("clusterSize", status.getOrDefault("wsrep_cluster_size", ""))
			.build();
	}

}
