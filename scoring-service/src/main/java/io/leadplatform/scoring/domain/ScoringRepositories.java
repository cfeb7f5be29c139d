package io.leadplatform.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import java.util.List;
import java.util.UUID;

/** The Panache repositories of the scoring aggregate. */
public final class ScoringRepositories {

    private ScoringRepositories() {
    }

    @ApplicationScoped
    public static class KnownLeads implements PanacheRepositoryBase<KnownLead, UUID> {
    }

    @ApplicationScoped
    public static class Engagements implements PanacheRepositoryBase<Engagement, UUID> {
        public List<Engagement> forLead(UUID leadId) {
            return list("leadId", leadId);
        }

        public List<Engagement> forLeads(java.util.Collection<UUID> leadIds) {
            return list("leadId in ?1", leadIds);
        }
    }

    @ApplicationScoped
    public static class Scores implements PanacheRepositoryBase<LeadScore, UUID> {
    }

    @ApplicationScoped
    public static class History implements PanacheRepositoryBase<ScoreHistoryEntry, UUID> {
        public List<ScoreHistoryEntry> forLead(UUID leadId) {
            return list("leadId = ?1 order by scoredAt", leadId);
        }
    }

    @ApplicationScoped
    public static class Models implements PanacheRepositoryBase<ScoringModel, UUID> {
        public List<ScoringModel> newestFirst() {
            return list("order by createdAt desc");
        }

        public ScoringModel active() {
            return find("status", ScoringModel.Status.ACTIVE).singleResult();
        }

        /**
         * The active model's version alone: loading the entity parses its whole definition. Nothing that scores an
         * event changes a model, so the query does not flush first (that dirty-checked everything the transaction
         * had loaded, once per event).
         */
        public String activeVersion() {
            return getEntityManager()
                    .createQuery("select m.version from ScoringModel m where m.status = :status", String.class)
                    .setParameter("status", ScoringModel.Status.ACTIVE)
                    .setFlushMode(FlushModeType.COMMIT)
                    .getSingleResult();
        }
    }
}
