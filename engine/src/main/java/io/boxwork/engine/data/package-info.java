/**
 * From a project on disk to batches a detector trains on.
 * <p>{@link io.boxwork.engine.data.ImageDecoder} turns JPEG / PNG / BMP files into upright RGB
 * floats; {@link io.boxwork.engine.data.DetectionDataset} pairs them with a split's boxes and
 * 1..K labels; {@link io.boxwork.engine.data.Augmentation} flips, zooms and colour-jitters them
 * under a seed; {@link io.boxwork.engine.data.DataLoader} does all of that on background
 * threads and hands plain-array batches to the trainer, which makes tensors
 * ({@link io.boxwork.engine.data.SampleTensors}) inside its own {@code PointerScope}.
 * {@link io.boxwork.engine.data.TrainingPreflight} checks a project before a run starts.
 */
package io.boxwork.engine.data;
