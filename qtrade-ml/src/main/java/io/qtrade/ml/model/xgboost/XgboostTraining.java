package io.qtrade.ml.model.xgboost;

/**
 * Settings of an XGBoost training run from Java ({@link XgboostTrainer}), named as XGBoost names them
 * (docs: "XGBoost Parameters"). Training is single-threaded and, with {@code tree_method=exact} and no subsampling,
 * deterministic.
 *
 * @param objective      e.g. {@code binary:logistic}, {@code reg:squarederror}
 * @param rounds         {@code num_boost_round}, at least 1
 * @param maxDepth       {@code max_depth}, at least 1
 * @param eta            {@code eta} (learning rate), in (0, 1]
 * @param lambda         {@code lambda}, L2 penalty on leaf weights, at least 0
 * @param minChildWeight {@code min_child_weight}, at least 0
 * @param subsample      {@code subsample}, in (0, 1]
 * @param baseScore      {@code base_score}, the initial prediction (0.5 for a probability)
 * @param treeMethod     {@code tree_method}: {@code exact}, {@code approx} or {@code hist}
 * @param seed           {@code seed}
 */
public record XgboostTraining(String objective, int rounds, int maxDepth, double eta, double lambda,
                              double minChildWeight, double subsample, double baseScore, String treeMethod,
                              long seed) {

    /** Validates the settings. */
    public XgboostTraining {
        XgboostObjective.of(objective);
        if (rounds < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("rounds and maxDepth must be >= 1, got " + rounds + ", " + maxDepth);
        }
        if (!(eta > 0 && eta <= 1)) {
            throw new IllegalArgumentException("eta must be in (0, 1], got " + eta);
        }
        if (!(lambda >= 0) || !(minChildWeight >= 0)) {
            throw new IllegalArgumentException("lambda and minChildWeight must be >= 0, got " + lambda + ", "
                    + minChildWeight);
        }
        if (!(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("subsample must be in (0, 1], got " + subsample);
        }
    }

    /** A binary classifier with XGBoost's defaults, exact trees, {@code rounds} trees of depth {@code maxDepth}. */
    public static XgboostTraining binaryLogistic(int rounds, int maxDepth, double eta) {
        return new XgboostTraining("binary:logistic", rounds, maxDepth, eta, 1.0, 1.0, 1.0, 0.5, "exact", 0);
    }

    /** The same settings with another seed. */
    public XgboostTraining withSeed(long newSeed) {
        return new XgboostTraining(objective, rounds, maxDepth, eta, lambda, minChildWeight, subsample, baseScore,
                treeMethod, newSeed);
    }
}
