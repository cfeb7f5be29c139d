package io.leadplatform.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ScoringModelRepository implements PanacheRepositoryBase<ScoringModel, UUID> {

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
