/**
 * ONNX models through ONNX Runtime for Java ({@link io.qtrade.ml.model.onnx.OnnxModel}), with the input and output
 * tensors checked by name and shape at load ({@link io.qtrade.ml.model.onnx.OnnxSignature}).
 */
package io.qtrade.ml.model.onnx;
