package io.leadplatform.scoring.api;

import java.time.Instant;
import java.util.List;

/**
 * A model replayed over the stored leads against their known outcomes, next to the active model. A group's
 * conversion rate is converted / decided (leads without an outcome are undecided); lift is the model's rate over the
 * active model's. {@code examples} are the first external ids, in order, of the leads in the model's group.
 */
public record BacktestReport(String modelVersion, String activeModelVersion, Instant asOf, int leads,
        int decided, int converted, Double baselineConversionRate, List<StageResult> stages) {

    public record StageResult(String stage, Group model, Group active, Double lift, List<String> examples) {
    }

    public record Group(int leads, int decided, int converted, Double conversionRate) {
    }
}
