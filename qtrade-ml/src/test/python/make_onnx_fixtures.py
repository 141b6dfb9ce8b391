#!/usr/bin/env python3
"""Makes the ONNX fixtures of qtrade-ml's tests: a GRU and an MLP exported from PyTorch, and a random-forest
regression from scikit-learn written as an ONNX-ML TreeEnsembleRegressor. Writes, into
../resources/fixtures/: <name>.onnx, <name>_inputs.csv and onnx_fixtures_expected.json (the exporting framework's
outputs). Deterministic (fixed seeds). Run with Debian bookworm's python3-torch, python3-onnx, python3-sklearn:

    /usr/bin/python3 qtrade-ml/src/test/python/make_onnx_fixtures.py

The same steps export a user's own model: build it in torch, model.eval(), then torch.onnx.export with
input_names=['input'], output_names=['output'] and a dynamic batch axis, and load it in Java with
OnnxModel.load(path, OnnxSignature.batched("input", new long[] {seq, features}, "output", new long[] {1})).
"""
import json
import os

import numpy as np
import onnx
import sklearn
import torch
from onnx import helper, TensorProto
from sklearn.ensemble import RandomForestRegressor

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures")
os.makedirs(OUT, exist_ok=True)
OPSET = 13
cases = {}


class SeqHead(torch.nn.Module):
    """A recurrent layer followed by Linear(hidden, 1) on the last time step (batch_first)."""

    def __init__(self, rnn, hidden):
        super().__init__()
        self.rnn = rnn
        self.head = torch.nn.Linear(hidden, 1)

    def forward(self, x):
        y, _ = self.rnn(x)
        return self.head(y[:, -1, :])


def export(name, model, x, dims_in, kind, describe):
    model.eval()
    with torch.no_grad():
        y = model(torch.from_numpy(x)).numpy()
    path = os.path.join(OUT, name + ".onnx")
    torch.onnx.export(model, torch.from_numpy(x[:1]), path, opset_version=OPSET, input_names=["input"],
                      output_names=["output"], dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    onnx.checker.check_model(onnx.load(path))
    write_inputs(name, x)
    cases[name] = {"model_file": name + ".onnx", "inputs_csv": name + "_inputs.csv", "kind": kind,
                   "architecture": describe, "input_name": "input", "output_name": "output",
                   "input_shape": ["batch"] + dims_in, "output_shape": ["batch", 1],
                   "outputs": [[float(v) for v in row] for row in y]}


def write_inputs(name, x):
    with open(os.path.join(OUT, name + "_inputs.csv"), "w") as f:
        if x.ndim == 3:
            f.write("seq,t," + ",".join("x%d" % i for i in range(x.shape[2])) + "\n")
            for b in range(x.shape[0]):
                for t in range(x.shape[1]):
                    f.write("%d,%d,%s\n" % (b, t, ",".join("%.17g" % float(v) for v in x[b, t])))
        else:
            f.write("row," + ",".join("x%d" % i for i in range(x.shape[1])) + "\n")
            for b in range(x.shape[0]):
                f.write("%d,%s\n" % (b, ",".join("%.17g" % float(v) for v in x[b])))


# GRU: 4 features, hidden 6, 15 steps
torch.manual_seed(20241101)
gru = SeqHead(torch.nn.GRU(input_size=4, hidden_size=6, batch_first=True), 6)
x = np.random.default_rng(20241101).standard_normal((12, 15, 4)).astype(np.float32)
export("onnx_gru_in4_h6_seq15", gru, x, [15, 4], "GRU",
       "GRU(4, 6, batch_first) then Linear(6, 1) on the last step")

# MLP: 6 -> 16 ReLU -> 8 Tanh -> 1 Sigmoid
torch.manual_seed(20241102)
mlp = torch.nn.Sequential(torch.nn.Linear(6, 16), torch.nn.ReLU(), torch.nn.Linear(16, 8), torch.nn.Tanh(),
                          torch.nn.Linear(8, 1), torch.nn.Sigmoid())
x = np.random.default_rng(20241102).standard_normal((20, 6)).astype(np.float32)
export("onnx_mlp_in6", mlp, x, [6], "MLP", "Linear(6,16) ReLU Linear(16,8) Tanh Linear(8,1) Sigmoid")

# Random forest -> ai.onnx.ml TreeEnsembleRegressor (skl2onnx is not in Debian; the conversion is written here from
# the operator's specification: BRANCH_LEQ = sklearn's x <= threshold goes left, AVERAGE over the trees).
rng = np.random.default_rng(20241103)
X = rng.standard_normal((400, 5)).astype(np.float32)
yv = np.sin(X[:, 0]) + 0.5 * X[:, 1] * X[:, 2] + 0.1 * rng.standard_normal(400)
rf = RandomForestRegressor(n_estimators=25, max_depth=4, random_state=7).fit(X, yv)
attrs = {k: [] for k in ["nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_values", "nodes_modes",
                         "nodes_truenodeids", "nodes_falsenodeids", "target_treeids", "target_nodeids",
                         "target_ids", "target_weights"]}
for tid, est in enumerate(rf.estimators_):
    t = est.tree_
    for n in range(t.node_count):
        leaf = t.children_left[n] == -1
        attrs["nodes_treeids"].append(tid)
        attrs["nodes_nodeids"].append(n)
        attrs["nodes_featureids"].append(0 if leaf else int(t.feature[n]))
        attrs["nodes_values"].append(0.0 if leaf else float(t.threshold[n]))
        attrs["nodes_modes"].append("LEAF" if leaf else "BRANCH_LEQ")
        attrs["nodes_truenodeids"].append(0 if leaf else int(t.children_left[n]))
        attrs["nodes_falsenodeids"].append(0 if leaf else int(t.children_right[n]))
        if leaf:
            attrs["target_treeids"].append(tid)
            attrs["target_nodeids"].append(n)
            attrs["target_ids"].append(0)
            attrs["target_weights"].append(float(t.value[n][0][0]))
node = helper.make_node("TreeEnsembleRegressor", ["input"], ["output"], domain="ai.onnx.ml", n_targets=1,
                        aggregate_function="AVERAGE", post_transform="NONE", **attrs)
graph = helper.make_graph([node], "random_forest",
                          [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 5])],
                          [helper.make_tensor_value_info("output", TensorProto.FLOAT, ["batch", 1])])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid("ai.onnx.ml", 1)],
                          producer_name="qtrade make_onnx_fixtures.py")
model.ir_version = 7
onnx.checker.check_model(model)
name = "onnx_forest_in5_t25_d4"
onnx.save(model, os.path.join(OUT, name + ".onnx"))
xt = rng.standard_normal((30, 5)).astype(np.float32)
pred = rf.predict(xt)


def walk(x):
    """The tree walk with float32 thresholds, as the ONNX file stores them; must agree with sklearn's paths."""
    total = 0.0
    for est in rf.estimators_:
        t = est.tree_
        n = 0
        while t.children_left[n] != -1:
            n = t.children_left[n] if x[t.feature[n]] <= np.float32(t.threshold[n]) else t.children_right[n]
        total += float(np.float32(t.value[n][0][0]))
    return total / len(rf.estimators_)


walked = np.array([walk(r) for r in xt])
assert np.max(np.abs(walked - pred)) < 1e-6, np.max(np.abs(walked - pred))
write_inputs(name, xt)
cases[name] = {"model_file": name + ".onnx", "inputs_csv": name + "_inputs.csv", "kind": "TreeEnsembleRegressor",
               "architecture": "sklearn RandomForestRegressor(n_estimators=25, max_depth=4, random_state=7) on 400 "
                               "rows of y = sin(x0) + 0.5 x1 x2 + 0.1 noise, as ai.onnx.ml TreeEnsembleRegressor "
                               "(BRANCH_LEQ, AVERAGE)",
               "input_name": "input", "output_name": "output", "input_shape": ["batch", 5],
               "output_shape": ["batch", 1], "outputs": [[float(v)] for v in pred],
               "float32_threshold_walk_max_abs_diff": float(np.max(np.abs(walked - pred)))}

with open(os.path.join(OUT, "onnx_fixtures_expected.json"), "w") as f:
    json.dump({"generated_by": "qtrade-ml/src/test/python/make_onnx_fixtures.py",
               "versions": {"torch": torch.__version__, "onnx": onnx.__version__, "sklearn": sklearn.__version__,
                            "numpy": np.__version__, "opset": OPSET},
               "conventions": "Outputs are the exporting framework's: torch float32 forward in eval mode (widened), "
                              "sklearn predict (float64) for the forest. Inputs are float32 values written exactly "
                              "(%.17g). Sequence CSVs: rows (seq, t); layout [batch, seq, features]. Check to 1e-6.",
               "cases": cases}, f, indent=1)
print("wrote", sorted(cases))
