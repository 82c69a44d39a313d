package io.paperwire.ops;

import io.paperwire.store.Database;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Quartz scheduler behind camel-quartz. On PostgreSQL it is Quartz's JDBC JobStore in clustered mode on
 * Paperwire's own connection pool (tables from migration V4), so several {@code serve} nodes share one schedule:
 * exactly one node fires each trigger, and a node that dies mid-run has its job recovered by another. On the
 * embedded H2 database (one process by construction) it keeps the schedule in memory.
 */
public final class QuartzSetup {

    /** The scheduler name every node of a cluster shares. */
    public static final String CLUSTER_NAME = "paperwire";
    static final long CLUSTER_CHECKIN_MILLIS = 2000;
    private static final AtomicInteger LOCAL_SCHEDULERS = new AtomicInteger();

    private QuartzSetup() {}

    /** Quartz settings for this database and node. */
    public static Map<String, Object> properties(Database database, String nodeId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("org.quartz.scheduler.skipUpdateCheck", "true");
        p.put("org.quartz.threadPool.threadCount", "2");
        p.put("org.quartz.scheduler.instanceId", nodeId);
        if (database.isPostgres()) {
            String dataSource = "paperwire-" + nodeId + "-" + LOCAL_SCHEDULERS.incrementAndGet();
            DBConnectionManager.getInstance().addConnectionProvider(dataSource, new PoolProvider(database));
            p.put("org.quartz.scheduler.instanceName", CLUSTER_NAME);
            p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            p.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            p.put("org.quartz.jobStore.dataSource", dataSource);
            p.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
            p.put("org.quartz.jobStore.isClustered", "true");
            p.put("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(CLUSTER_CHECKIN_MILLIS));
        } else {
            // In-memory: a JVM-unique name, since Quartz keeps schedulers in a JVM-wide repository by name.
            p.put("org.quartz.scheduler.instanceName", "paperwire-local-" + LOCAL_SCHEDULERS.incrementAndGet());
            p.put("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        }
        return p;
    }

    /** The camel-quartz component to bind as {@code quartz}. */
    public static QuartzComponent component(Database database, String nodeId) {
        QuartzComponent quartz = new QuartzComponent();
        quartz.setPrefixInstanceName(false);
        quartz.setProperties(properties(database, nodeId));
        return quartz;
    }

    /** Lends Quartz connections from Paperwire's pool. */
    private record PoolProvider(Database database) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return database.dataSource().getConnection();
        }

        @Override
        public void shutdown() {
            // The pool belongs to Paperwire and is closed with it.
        }

        @Override
        public void initialize() {
            // Nothing to set up: the pool is open.
        }
    }
}
