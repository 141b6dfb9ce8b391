package io.qtrade.ml.model.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.qtrade.ml.model.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A model exported to ONNX (from PyTorch's {@code torch.onnx.export}, scikit-learn through skl2onnx, ...) run with
 * ONNX Runtime for Java on the CPU, one row per call, on one intra-op thread.
 *
 * <p>At load the model's declared input and output are checked against the {@link OnnxSignature} the caller
 * expects: the names must exist, the element type must be float32, the ranks must agree and every fixed axis must
 * have the expected length; an axis the model leaves open ({@code batch}) accepts anything, and is run with length
 * 1. A mismatch throws {@link IllegalArgumentException} naming the file, the tensor, the axis and both shapes.
 *
 * <p>{@link #predict(double[])} copies the features (row-major over the non-batch axes, e.g. {@code [t][feature]}
 * for a [batch, seq, features] sequence model) into a reused direct buffer, runs the session with a pinned, reused
 * output tensor and returns the output's first element ({@link #predict(double[], double[])} gives all of them).
 * Inputs are rounded to float32 as the model expects. What allocates per call is ONNX Runtime's own result holder;
 * the tensors are reused. Not thread-safe: one instance per strategy.
 */
public final class OnnxModel implements Model, AutoCloseable {
    private final String source;
    private final OnnxSignature signature;
    private final OrtSession session;
    private final OnnxTensor input;
    private final OnnxTensor output;
    private final FloatBuffer inputBuffer;
    private final FloatBuffer outputBuffer;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> outputs;
    private final int inputSize;
    private final int outputSize;

    private OnnxModel(byte[] model, String source, OnnxSignature expected) {
        this.source = source;
        this.signature = expected;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            this.session = env.createSession(model, options);
        } catch (OrtException e) {
            throw new IllegalArgumentException(source + ": ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
        try {
            long[] in = check(session.getInputInfo(), expected.inputName(), expected.inputShape(), "input");
            long[] out = check(session.getOutputInfo(), expected.outputName(), expected.outputShape(), "output");
            this.inputSize = (int) Arrays.stream(in).reduce(1, (a, b) -> a * b);
            this.outputSize = (int) Arrays.stream(out).reduce(1, (a, b) -> a * b);
            this.inputBuffer = direct(inputSize);
            this.outputBuffer = direct(outputSize);
            this.input = OnnxTensor.createTensor(env, inputBuffer, in);
            this.output = OnnxTensor.createTensor(env, outputBuffer, out);
            this.inputs = Map.of(expected.inputName(), input);
            this.outputs = Map.of(expected.outputName(), output);
        } catch (OrtException e) {
            closeQuietly();
            throw new IllegalArgumentException(source + ": cannot read the model's inputs and outputs: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private void closeQuietly() {
        try {
            session.close();
        } catch (OrtException ignored) {
            // the load already failed; its exception is the one to report
        }
    }

    private static FloatBuffer direct(int n) {
        return ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /**
     * Checks one declared tensor and returns the concrete shape to run with (open axes set to 1).
     */
    private long[] check(Map<String, NodeInfo> declared, String name, long[] expected, String role) {
        NodeInfo node = declared.get(name);
        if (node == null) {
            throw new IllegalArgumentException(source + ": the model has no " + role + " named '" + name
                    + "'; its " + role + "s are " + describe(declared));
        }
        if (!(node.getInfo() instanceof TensorInfo)) {
            throw new IllegalArgumentException(source + ": " + role + " '" + name + "' is not a tensor: "
                    + node.getInfo());
        }
        TensorInfo info = (TensorInfo) node.getInfo();
        if (info.type != OnnxJavaType.FLOAT) {
            throw new IllegalArgumentException(source + ": " + role + " '" + name + "' has element type "
                    + info.type + ", expected FLOAT (float32)");
        }
        long[] actual = info.getShape();
        if (actual.length != expected.length) {
            throw new IllegalArgumentException(source + ": " + role + " '" + name + "' has rank " + actual.length
                    + " (shape " + Arrays.toString(actual) + "), expected rank " + expected.length + " (shape "
                    + Arrays.toString(expected) + ")");
        }
        long[] run = new long[actual.length];
        for (int a = 0; a < actual.length; a++) {
            boolean open = actual[a] < 0;
            if (!open && expected[a] != OnnxSignature.DYNAMIC && actual[a] != expected[a]) {
                throw new IllegalArgumentException(source + ": " + role + " '" + name + "' axis " + a + " has length "
                        + actual[a] + ", expected " + expected[a] + " (model shape " + Arrays.toString(actual)
                        + ", expected " + Arrays.toString(expected) + ")");
            }
            if (open && expected[a] == OnnxSignature.DYNAMIC && a != 0) {
                throw new IllegalArgumentException(source + ": " + role + " '" + name + "' axis " + a
                        + " is open in the model; the signature must give its length");
            }
            run[a] = open ? (expected[a] == OnnxSignature.DYNAMIC ? 1 : expected[a]) : actual[a];
        }
        return run;
    }

    private static String describe(Map<String, NodeInfo> nodes) {
        StringBuilder b = new StringBuilder("[");
        for (NodeInfo n : nodes.values()) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(n.getName()).append(' ').append(n.getInfo());
        }
        return b.append(']').toString();
    }

    /** Loads a model file and checks it against {@code expected}. */
    public static OnnxModel load(Path file, OnnxSignature expected) {
        try {
            return new OnnxModel(Files.readAllBytes(file), file.toString(), expected);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ONNX model " + file, e);
        }
    }

    /** Loads a model from bytes; {@code source} names it in errors. */
    public static OnnxModel load(byte[] model, String source, OnnxSignature expected) {
        return new OnnxModel(model, source, expected);
    }

    /** The checked signature. */
    public OnnxSignature signature() {
        return signature;
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    /** Number of output values per row. */
    public int outputSize() {
        return outputSize;
    }

    @Override
    public double predict(double[] features) {
        run(features);
        return outputBuffer.get(0);
    }

    /**
     * All outputs of one row.
     *
     * @param features {@link #inputSize()} values, not modified
     * @param out      at least {@link #outputSize()} values, overwritten
     */
    public void predict(double[] features, double[] out) {
        run(features);
        for (int i = 0; i < outputSize; i++) {
            out[i] = outputBuffer.get(i);
        }
    }

    private void run(double[] features) {
        if (features.length != inputSize) {
            throw new IllegalArgumentException(source + ": expects " + inputSize + " input values ("
                    + signature + "), got " + features.length);
        }
        for (int i = 0; i < inputSize; i++) {
            inputBuffer.put(i, (float) features[i]);
        }
        try {
            // the output is written into the pinned tensor's buffer; the result only holds references to it
            session.run(inputs, outputs).close();
        } catch (OrtException e) {
            throw new IllegalStateException(source + ": ONNX Runtime run failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        input.close();
        output.close();
        closeQuietly();
    }

    @Override
    public String toString() {
        return "OnnxModel[" + source + ", " + signature + "]";
    }
}
