package io.leadplatform.scoring.model;

import java.util.List;

/** A model's verdict on one lead: both axes, which stage criteria hold now, and each fired rule's contribution. */
public record Evaluation(String modelVersion, int fitScore, String fitGrade, int engagementScore, boolean mql,
        boolean sql, List<Contribution> contributions) {

    public enum Stage { LEAD, MQL, SQL }

    /** The highest stage whose criterion holds now. */
    public Stage stage() {
        return sql ? Stage.SQL : mql ? Stage.MQL : Stage.LEAD;
    }
}
