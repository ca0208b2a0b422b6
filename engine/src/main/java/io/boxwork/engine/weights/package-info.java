/**
 * PyTorch weights files in and out of LibTorch, without Python.
 *
 * <p>{@link io.boxwork.engine.weights.PthReader} reads what {@code torch.save} writes (zip and
 * legacy formats) into a {@link io.boxwork.engine.weights.PthValue} tree whose tensors are
 * LibTorch tensors; {@link io.boxwork.engine.weights.PthWriter} writes state dicts and
 * checkpoints that {@code torch.load} reads back. {@link io.boxwork.engine.weights.WeightLoader}
 * copies a {@link io.boxwork.engine.weights.StateDict} into a module by name and says what
 * matched in a {@link io.boxwork.engine.weights.LoadReport}.
 *
 * <p>Native memory: tensors read here belong to the {@link org.bytedeco.javacpp.PointerScope}
 * open on the calling thread, if any. Read weights that must outlive a training step outside
 * the step's scope.
 */
package io.boxwork.engine.weights;
