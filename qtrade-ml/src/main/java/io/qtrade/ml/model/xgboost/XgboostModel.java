package io.qtrade.ml.model.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qtrade.ml.model.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An XGBoost tree ensemble read from XGBoost's own model formats, JSON ({@code Booster.save_model("m.json")}) and
 * UBJ ({@code "m.ubj"}, the default since XGBoost 2.0), evaluated in Java: no native library, no allocation per call.
 * Follows XGBoost's documented JSON model schema (doc/model.schema, XGBoost 1.6+):
 *
 * <pre>{@code
 * margin_k = baseMargin(base_score) + sum over trees of group k of weight_t * leaf_t(x)
 * at a split node j:  go to left_children[j] if float32(x[split_indices[j]]) < split_conditions[j],
 *                     else right_children[j]; a missing value (NaN) goes left iff default_left[j]
 * leaf value       =  split_conditions[j] of the leaf (left_children[j] == -1)
 * prediction       =  objective transform of the margin (sigmoid, identity, exp, softmax)
 * }</pre>
 *
 * Margins are accumulated in float32 as XGBoost does. Supported: boosters {@code gbtree} and {@code dart} (tree
 * weights {@code weight_drop}), numerical splits, the objectives of {@link XgboostObjective}. Categorical splits and
 * the {@code gblinear} booster are refused at load with the reason. All trees are used (no iteration range).
 */
public final class XgboostModel implements Model {
    private final XgboostObjective objective;
    private final String objectiveName;
    private final int features;
    private final int groups;
    private final float[] baseMargin;
    private final String[] featureNames;
    // flattened trees
    private final int[] treeRoot;
    private final int[] treeGroup;
    private final float[] treeWeight;
    /**
     * Every node of every tree in one array, 4 ints per node (16 bytes, four nodes per cache line): left child (-1 at
     * a leaf), right child, feature index with {@link #DEFAULT_LEFT} set when a missing value goes left, and the
     * float bits of the split condition (the leaf value at a leaf).
     */
    private final int[] nodes;
    private static final int DEFAULT_LEFT = 1 << 30;
    private static final int FEATURE_MASK = DEFAULT_LEFT - 1;
    private final float[] margins;

    private XgboostModel(JsonNode root, String source) {
        JsonNode learner = require(root, "learner", source);
        this.objectiveName = require(require(learner, "objective", source), "name", source).asText();
        this.objective = XgboostObjective.of(objectiveName);
        JsonNode param = require(learner, "learner_model_param", source);
        this.features = Integer.parseInt(require(param, "num_feature", source).asText());
        int numClass = Integer.parseInt(param.path("num_class").asText("0"));
        this.groups = Math.max(1, numClass);
        double baseScore = Double.parseDouble(require(param, "base_score", source).asText());
        this.baseMargin = new float[groups];
        java.util.Arrays.fill(baseMargin, (float) objective.baseMargin(baseScore));
        JsonNode names = learner.path("feature_names");
        this.featureNames = new String[names.isArray() ? names.size() : 0];
        for (int i = 0; i < featureNames.length; i++) {
            featureNames[i] = names.get(i).asText();
        }
        JsonNode booster = require(learner, "gradient_booster", source);
        String boosterName = require(booster, "name", source).asText();
        JsonNode model;
        double[] weights = null;
        if ("gbtree".equals(boosterName)) {
            model = require(booster, "model", source);
        } else if ("dart".equals(boosterName)) {
            model = require(require(booster, "gbtree", source), "model", source);
            JsonNode w = require(booster, "weight_drop", source);
            weights = new double[w.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = w.get(i).asDouble();
            }
        } else {
            throw new IllegalArgumentException(source + ": booster '" + boosterName
                    + "' is not supported (only gbtree and dart)");
        }
        JsonNode trees = require(model, "trees", source);
        JsonNode info = require(model, "tree_info", source);
        int nTrees = trees.size();
        treeRoot = new int[nTrees];
        treeGroup = new int[nTrees];
        treeWeight = new float[nTrees];
        int total = 0;
        for (JsonNode t : trees) {
            total += require(t, "left_children", source).size();
        }
        int[] left = new int[total];
        int[] right = new int[total];
        int[] splitIndex = new int[total];
        float[] splitCondition = new float[total];
        boolean[] defaultLeft = new boolean[total];
        int offset = 0;
        for (int k = 0; k < nTrees; k++) {
            JsonNode t = trees.get(k);
            String where = source + " tree " + k;
            JsonNode l = require(t, "left_children", where);
            JsonNode r = require(t, "right_children", where);
            JsonNode si = require(t, "split_indices", where);
            JsonNode sc = require(t, "split_conditions", where);
            JsonNode dl = require(t, "default_left", where);
            JsonNode st = t.path("split_type");
            int n = l.size();
            for (int j = 0; j < n; j++) {
                if (st.isArray() && st.size() > j && st.get(j).asInt() != 0) {
                    throw new IllegalArgumentException(where + " node " + j
                            + ": categorical splits are not supported");
                }
                int lc = l.get(j).asInt();
                left[offset + j] = lc < 0 ? -1 : offset + lc;
                right[offset + j] = lc < 0 ? -1 : offset + r.get(j).asInt();
                splitIndex[offset + j] = si.get(j).asInt();
                splitCondition[offset + j] = (float) sc.get(j).asDouble();
                JsonNode d = dl.get(j);
                defaultLeft[offset + j] = d.isBoolean() ? d.asBoolean() : d.asInt() != 0;
                if (lc >= 0 && (splitIndex[offset + j] < 0 || splitIndex[offset + j] >= features)) {
                    throw new IllegalArgumentException(where + " node " + j + ": split index "
                            + splitIndex[offset + j] + " outside num_feature " + features);
                }
            }
            treeRoot[k] = offset;
            treeGroup[k] = info.get(k).asInt();
            if (treeGroup[k] < 0 || treeGroup[k] >= groups) {
                throw new IllegalArgumentException(where + ": tree_info " + treeGroup[k] + " outside " + groups
                        + " output groups");
            }
            treeWeight[k] = weights == null ? 1f : (float) weights[k];
            offset += n;
        }
        this.nodes = new int[4 * total];
        for (int j = 0; j < total; j++) {
            nodes[4 * j] = left[j];
            nodes[4 * j + 1] = right[j];
            nodes[4 * j + 2] = splitIndex[j] | (defaultLeft[j] ? DEFAULT_LEFT : 0);
            nodes[4 * j + 3] = Float.floatToRawIntBits(splitCondition[j]);
        }
        this.margins = new float[groups];
    }

    private static JsonNode require(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(where + ": missing field '" + field + "' in the XGBoost model");
        }
        return v;
    }

    /** Reads a {@code .json} or {@code .ubj} model, chosen by the file name's extension. */
    public static XgboostModel load(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            if (name.endsWith(".json")) {
                return fromJson(bytes, file.toString());
            } else if (name.endsWith(".ubj")) {
                return fromUbj(bytes, file.toString());
            }
            throw new IllegalArgumentException(file + ": expected a .json or .ubj XGBoost model (the legacy binary "
                    + "format is not read; re-save the model with Booster.save_model(\"model.json\"))");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read XGBoost model " + file, e);
        }
    }

    /** Reads a JSON model; {@code source} names it in errors. */
    public static XgboostModel fromJson(byte[] json, String source) {
        try {
            return new XgboostModel(new ObjectMapper().readTree(json), source);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a UBJ model; {@code source} names it in errors. */
    public static XgboostModel fromUbj(byte[] ubj, String source) {
        return new XgboostModel(Ubjson.parse(ubj), source);
    }

    @Override
    public int inputSize() {
        return features;
    }

    /** Number of trees. */
    public int trees() {
        return treeRoot.length;
    }

    /** Number of outputs: 1, or the number of classes of a multi-class model. */
    public int outputGroups() {
        return groups;
    }

    /** The objective. */
    public XgboostObjective objective() {
        return objective;
    }

    /** Feature names saved with the model (empty when none). */
    public List<String> featureNames() {
        return List.of(featureNames);
    }

    /**
     * The raw margin of output group 0 ({@code predict(output_margin=True)}).
     *
     * @param x {@link #inputSize()} features, NaN for missing; not modified
     */
    public double margin(double[] x) {
        accumulate(x);
        return margins[0];
    }

    /**
     * The prediction: the probability of class 1 for logistic objectives, the value for regressions, the probability
     * of class 0 for a multi-class model (use {@link #predict(double[], double[])} for all classes).
     */
    @Override
    public double predict(double[] x) {
        accumulate(x);
        return transform(0);
    }

    /**
     * All outputs into {@code out} (one per group; class probabilities for a multi-class model).
     *
     * @param x   features, not modified
     * @param out {@link #outputGroups()} values, overwritten
     */
    public void predict(double[] x, double[] out) {
        accumulate(x);
        for (int g = 0; g < groups; g++) {
            out[g] = transform(g);
        }
    }

    private double transform(int g) {
        double m = margins[g];
        switch (objective) {
            case LOGISTIC:
                return 1.0 / (1.0 + Math.exp(-m));
            case EXPONENTIAL:
                return Math.exp(m);
            case SOFTMAX: {
                double max = Double.NEGATIVE_INFINITY;
                for (float v : margins) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (float v : margins) {
                    sum += Math.exp(v - max);
                }
                return Math.exp(m - max) / sum;
            }
            default:
                return m;
        }
    }

    private void accumulate(double[] x) {
        if (x.length < features) {
            throw new IllegalArgumentException("XGBoost model expects " + features + " features, got " + x.length);
        }
        System.arraycopy(baseMargin, 0, margins, 0, groups);
        for (int t = 0; t < treeRoot.length; t++) {
            int base = 4 * treeRoot[t];
            int l;
            while ((l = nodes[base]) >= 0) {
                int f = nodes[base + 2];
                double v = x[f & FEATURE_MASK];
                boolean goLeft = Double.isNaN(v) ? (f & DEFAULT_LEFT) != 0
                        : (float) v < Float.intBitsToFloat(nodes[base + 3]);
                base = 4 * (goLeft ? l : nodes[base + 1]);
            }
            margins[treeGroup[t]] += treeWeight[t] * Float.intBitsToFloat(nodes[base + 3]);
        }
    }

    @Override
    public String toString() {
        return "XgboostModel[objective=" + objectiveName + ", trees=" + trees() + ", features=" + features
                + ", groups=" + groups + "]";
    }
}
