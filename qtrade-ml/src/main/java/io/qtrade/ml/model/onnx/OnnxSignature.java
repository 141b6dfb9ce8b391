package io.qtrade.ml.model.onnx;

import java.util.Arrays;

/**
 * What a strategy expects of an ONNX model: one input and one output tensor by name and shape, checked against the
 * model's own declaration when it is loaded. {@link #DYNAMIC} marks an axis of any length (the batch axis, usually
 * axis 0, which is run with length 1).
 *
 * @param inputName   the input tensor's name, e.g. {@code "input"}
 * @param inputShape  its shape, e.g. {@code {DYNAMIC, 20, 5}} for [batch, seq, features]
 * @param outputName  the output tensor's name
 * @param outputShape its shape, e.g. {@code {DYNAMIC, 1}}
 */
public record OnnxSignature(String inputName, long[] inputShape, String outputName, long[] outputShape) {

    /** An axis whose length the model leaves open. */
    public static final long DYNAMIC = -1;

    /** Checks names and shapes are given. */
    public OnnxSignature {
        if (inputName == null || outputName == null || inputShape == null || outputShape == null) {
            throw new IllegalArgumentException("input and output names and shapes are required");
        }
        inputShape = inputShape.clone();
        outputShape = outputShape.clone();
    }

    /** A signature with a dynamic batch axis first: {@code [batch, inputDims...] -> [batch, outputDims...]}. */
    public static OnnxSignature batched(String inputName, long[] inputDims, String outputName, long[] outputDims) {
        return new OnnxSignature(inputName, prepend(inputDims), outputName, prepend(outputDims));
    }

    private static long[] prepend(long[] dims) {
        long[] s = new long[dims.length + 1];
        s[0] = DYNAMIC;
        System.arraycopy(dims, 0, s, 1, dims.length);
        return s;
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public long[] outputShape() {
        return outputShape.clone();
    }

    @Override
    public String toString() {
        return inputName + Arrays.toString(inputShape) + " -> " + outputName + Arrays.toString(outputShape);
    }
}
