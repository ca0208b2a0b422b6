package io.boxwork.engine.train;

import io.boxwork.engine.weights.PthValue;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.StringTensorDict;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.bytedeco.pytorch.global.torch.clip_grad_norm_;
import static org.bytedeco.pytorch.global.torch.zeros_like;

/**
 * SGD with momentum and weight decay, step for step what {@code torch.optim.SGD} does
 * (dampening 0, no Nesterov): {@code g += wd * p; buf = momentum * buf + g; p -= lr * buf}.
 * Written here rather than taken from LibTorch so the momentum buffers are plain tensors the
 * checkpoint can save in torch's own optimizer layout and put back on resume.
 *
 * <p>Build it outside any {@code PointerScope}: its buffers must outlive every step. Build it
 * once the model is on its device: each buffer is made next to its parameter, and a saved state
 * is copied onto that device on resume.
 */
public final class SgdOptimizer {
    private final List<String> names = new ArrayList<>();
    private final List<Tensor> params = new ArrayList<>();
    private final List<Tensor> buffers = new ArrayList<>();
    private final TensorVector paramVector;
    private final double momentum;
    private final double weightDecay;
    /** torch creates a buffer from the first gradient; a zero buffer times momentum plus g is the same g. */
    private boolean started;

    public SgdOptimizer(Module model, double momentum, double weightDecay) {
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        StringTensorDict named = model.named_parameters(true);
        for (int i = 0; i < named.size(); i++) {
            // An owning handle: the dict's own entries die with the dict.
            Tensor p = new Tensor(named.get(i).value());
            if (!p.requires_grad()) continue;
            names.add(named.get(i).key().getString());
            params.add(p);
            Tensor buf = zeros_like(p);
            buf.retainReference();
            buffers.add(buf);
        }
        if (params.isEmpty()) throw new IllegalArgumentException("the model has no trainable parameter");
        paramVector = new TensorVector(params.toArray(new Tensor[0]));
        paramVector.retainReference();
    }

    public List<String> parameterNames() {
        return Collections.unmodifiableList(names);
    }

    public void zeroGrad() {
        for (Tensor p : params) {
            Tensor g = p.grad();
            if (g.defined()) g.zero_();
        }
    }

    /** Clips the global gradient norm to {@code maxNorm} (when > 0) and returns the norm before clipping. */
    public double clipGradients(double maxNorm) {
        if (maxNorm <= 0) return Double.NaN;
        return clip_grad_norm_(paramVector, maxNorm);
    }

    public void step(double lr) {
        try (NoGradGuard noGrad = new NoGradGuard()) {
            Scalar wd = new Scalar(weightDecay);
            Scalar mom = new Scalar(momentum);
            Scalar minusLr = new Scalar(-lr);
            for (int i = 0; i < params.size(); i++) {
                Tensor p = params.get(i);
                Tensor g = p.grad();
                if (!g.defined()) continue;
                Tensor d = weightDecay != 0 ? g.add(p, wd) : g;
                Tensor buf = buffers.get(i);
                if (momentum != 0) {
                    buf.mul_(mom).add_(d);
                    d = buf;
                }
                p.add_(d, minusLr);
            }
        }
        started = true;
    }

    /**
     * torch's {@code optimizer.state_dict()} layout: {@code state} by parameter index holding
     * {@code momentum_buffer}, and one param group with the hyper-parameters.
     */
    public Map<String, Object> stateDict(double lr) {
        Map<Object, Object> state = new LinkedHashMap<>();
        if (started) {
            for (int i = 0; i < buffers.size(); i++) state.put((long) i, Map.of("momentum_buffer", buffers.get(i)));
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("lr", lr);
        group.put("momentum", momentum);
        group.put("dampening", 0.0);
        group.put("weight_decay", weightDecay);
        group.put("nesterov", false);
        group.put("maximize", false);
        group.put("foreach", null);
        group.put("differentiable", false);
        List<Long> indices = new ArrayList<>();
        for (long i = 0; i < params.size(); i++) indices.add(i);
        group.put("params", indices);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", state);
        out.put("param_groups", List.of(group));
        return out;
    }

    /** Puts back the momentum buffers of {@link #stateDict}; a missing state means no step had been taken. */
    public void loadStateDict(PthValue.Dict optimizerState, String where) {
        PthValue.Dict state = optimizerState.get("state").filter(PthValue.Dict.class::isInstance).map(PthValue.Dict.class::cast)
            .orElseThrow(() -> new IllegalArgumentException(where + ": optimizer state has no 'state' dict"));
        if (state.entries().isEmpty()) {
            started = false;
            return;
        }
        if (state.entries().size() != buffers.size()) {
            throw new IllegalArgumentException(where + ": optimizer state has " + state.entries().size()
                + " momentum buffers, the model has " + buffers.size() + " trainable parameters");
        }
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (int i = 0; i < buffers.size(); i++) {
                int index = i;
                PthValue entry = state.get(i).orElseThrow(() -> new IllegalArgumentException(where + ": no optimizer state for parameter " + index));
                Tensor saved = ((PthValue.Dict) entry).get("momentum_buffer")
                    .filter(PthValue.TensorValue.class::isInstance).map(v -> ((PthValue.TensorValue) v).tensor())
                    .orElseThrow(() -> new IllegalArgumentException(where + ": parameter " + index + " has no momentum_buffer"));
                if (saved.numel() != buffers.get(i).numel()) {
                    throw new IllegalArgumentException(where + ": momentum buffer " + index + " (" + names.get(i) + ") has "
                        + saved.numel() + " values, the parameter has " + buffers.get(i).numel());
                }
                buffers.get(i).copy_(saved.reshape(buffers.get(i).sizes()));
            }
        }
        started = true;
    }
}
