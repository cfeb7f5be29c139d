package io.leadplatform.routing;

import io.agroal.api.AgroalDataSource;
import io.leadplatform.support.testing.QueryPlans;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookups routing runs for every lead, under its queue lock, must be index lookups in the plan a pooled
 * connection ends up with (a generic plan, where the status is a parameter). A scan there grows with every lead
 * ever routed: the lookup of a lead's active assignment took 4 ms at 9,000 assignments before it had an index
 * of its own (measured by deploy/bench.sh).
 */
@QuarkusTest
class HotPathPlansTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aLeadsActiveAssignmentIsFoundByItsLeadId() {
        String plan = QueryPlans.genericPlan(dataSource,
                "SELECT * FROM assignment WHERE lead_id = $1 AND status = $2 FETCH FIRST 1 ROWS ONLY FOR NO KEY UPDATE",
                "uuid", "varchar");

        assertThat(plan).containsPattern("Index Cond: \\(+lead_id = \\$1");
    }

    @Test
    void aRostersOpenWorkAndAMembersBreachesAreFoundByTheirUser() {
        String open = QueryPlans.genericPlan(dataSource, "SELECT assignee, count(id) FROM assignment "
                + "WHERE assignee IN ($1) AND status = $2 AND first_touched_at IS NULL GROUP BY assignee",
                "varchar", "varchar");
        String breaches = QueryPlans.genericPlan(dataSource,
                "SELECT count(*) FROM member_breach WHERE username = $1 AND at >= $2", "varchar", "timestamptz");

        assertThat(open).containsPattern("Index Cond: \\(+\\(?assignee\\)?(::text)? = \\(?\\$1");
        assertThat(breaches).containsPattern("Index Cond: \\(+\\(?username\\)?(::text)? = \\(?\\$1");
    }
}
