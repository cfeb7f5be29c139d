package io.leadplatform.support.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.StringJoiner;
import javax.sql.DataSource;

/**
 * The plan PostgreSQL uses for a prepared statement once it has switched to a generic plan, which is what a
 * pooled JDBC connection runs after a few executions. Sequential scans are priced out, so the plan shows the index
 * PostgreSQL would use whatever the table's size; a caller checks its {@code Index Cond}, because an index on the
 * wrong columns (the status alone, say) still reads every row of that status.
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    /** The generic plan of {@code sql}, whose parameters are {@code $1..$n} of the given types, as EXPLAIN prints it. */
    public static String genericPlan(DataSource dataSource, String sql, String... parameterTypes) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("SET enable_seqscan = off");
            try {
                statement.execute("PREPARE plan_check(" + String.join(", ", parameterTypes) + ") AS " + sql);
                StringJoiner nulls = new StringJoiner(", ", "(", ")");
                Collections.nCopies(parameterTypes.length, "NULL").forEach(nulls::add);
                StringJoiner plan = new StringJoiner("\n");
                try (ResultSet rows = statement.executeQuery("EXPLAIN EXECUTE plan_check" + nulls)) {
                    while (rows.next()) {
                        plan.add(rows.getString(1));
                    }
                }
                return plan.toString();
            } finally {
                statement.execute("DEALLOCATE ALL");
                statement.execute("RESET plan_cache_mode");
                statement.execute("RESET enable_seqscan");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot explain " + sql, e);
        }
    }
}
