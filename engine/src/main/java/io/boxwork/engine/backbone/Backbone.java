package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

import java.util.LinkedHashMap;

/**
 * What the detector needs from a feature extractor. A subclass registers its layers under the
 * names torchvision uses, so that the detector's {@code backbone.} keys match a torchvision
 * state dict.
 */
public abstract class Backbone extends Module {

    /**
     * Feature maps from the finest to the coarsest, keyed as torchvision keys them
     * ({@code "0".."3", "pool"} with FPN, {@code "0"} for a single map).
     */
    public abstract LinkedHashMap<String, Tensor> features(Tensor images);

    /** Channels of every returned map (256 with FPN). */
    public abstract long outChannels();
}
