package io.qtrade.ml.model.xgboost;

/**
 * The XGBoost objectives this reader understands, by how the margin becomes a prediction and how
 * {@code base_score} becomes the starting margin (XGBoost's {@code PredTransform} and {@code ProbToMargin}).
 */
public enum XgboostObjective {
    /** {@code binary:logistic}, {@code reg:logistic}: p = 1/(1+e^-m), base margin = logit(base_score). */
    LOGISTIC,
    /** {@code binary:logitraw}: the margin itself; base margin = base_score (XGBoost's LogisticRaw, checked against xgboost4j 2.1.4). */
    LOGIT_RAW,
    /** {@code reg:squarederror}, {@code reg:squaredlogerror}, {@code reg:pseudohubererror}, {@code reg:absoluteerror}: identity. */
    IDENTITY,
    /** {@code count:poisson}, {@code reg:gamma}, {@code reg:tweedie}: e^m, base margin = ln(base_score). */
    EXPONENTIAL,
    /** {@code multi:softprob}, {@code multi:softmax}: one margin per class, softmax; base margin = base_score. */
    SOFTMAX;

    /** Maps XGBoost's objective name. */
    static XgboostObjective of(String name) {
        switch (name) {
            case "binary:logistic":
            case "reg:logistic":
                return LOGISTIC;
            case "binary:logitraw":
                return LOGIT_RAW;
            case "reg:squarederror":
            case "reg:linear":
            case "reg:squaredlogerror":
            case "reg:pseudohubererror":
            case "reg:absoluteerror":
                return IDENTITY;
            case "count:poisson":
            case "reg:gamma":
            case "reg:tweedie":
                return EXPONENTIAL;
            case "multi:softprob":
            case "multi:softmax":
                return SOFTMAX;
            default:
                throw new IllegalArgumentException("XGBoost objective '" + name + "' is not supported");
        }
    }

    /** The starting margin for {@code base_score}. */
    double baseMargin(double baseScore) {
        switch (this) {
            case LOGISTIC:
                return Math.log(baseScore / (1 - baseScore));
            case EXPONENTIAL:
                return Math.log(baseScore);
            default:
                return baseScore;
        }
    }
}
