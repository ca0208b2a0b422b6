package io.boxwork.engine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * One batch as the loader delivers it: a list of samples (images of different sizes are not
 * stacked; the model's transform resizes and pads them).
 *
 * @param index position of this batch in its epoch, from 0
 */
public record DetectionBatch(int epoch, int index, List<DetectionSample> samples) {

    public DetectionBatch {
        samples = List.copyOf(samples);
    }

    public int size() {
        return samples.size();
    }

    /**
     * Native tensors for every sample, made on the calling thread: call it inside the training
     * step's {@code PointerScope} so they are freed with the step.
     */
    public List<SampleTensors> toTensors() {
        List<SampleTensors> out = new ArrayList<>(samples.size());
        for (DetectionSample s : samples) out.add(SampleTensors.of(s));
        return out;
    }
}
