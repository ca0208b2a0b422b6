package io.boxwork.engine.weights;

import org.bytedeco.pytorch.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames keys of older or wrapped checkpoints to the names the model uses, as torchvision's
 * {@code _load_from_state_dict} hooks do:
 * <ul>
 *   <li>torchvision &lt; 0.13 FPN blocks were bare convolutions:
 *       {@code fpn.inner_blocks.0.weight} is now {@code fpn.inner_blocks.0.0.weight}
 *       (FeaturePyramidNetwork, version &lt; 2);</li>
 *   <li>the RPN head's conv likewise: {@code rpn.head.conv.weight} is now
 *       {@code rpn.head.conv.0.0.weight} (RPNHead, version &lt; 2);</li>
 *   <li>{@code nn.DataParallel} prefixes every key with {@code module.};</li>
 *   <li>FrozenBatchNorm2d has no {@code num_batches_tracked} and drops it from the weights.</li>
 * </ul>
 * A key is renamed only when the model lacks its old name and has the new one, so a model
 * that really uses an old name is never broken.
 */
public final class KeyMigration {

    private static final Pattern OLD_FPN = Pattern.compile("^(|.*\\.)fpn\\.(inner_blocks|layer_blocks)\\.(\\d+)\\.(weight|bias)$");
    private static final Pattern OLD_RPN_CONV = Pattern.compile("^(|.*\\.)rpn\\.head\\.conv\\.(weight|bias)$");
    private static final String DATA_PARALLEL_PREFIX = "module.";
    private static final String BATCHES_TRACKED = "num_batches_tracked";

    /** The weights under the model's names, what was renamed, and what was dropped. */
    public record Result(StateDict weights, Map<String, String> renamed, List<String> dropped) {
    }

    private KeyMigration() {
    }

    /** The torchvision >= 0.13 name of a key from an older layout, if it is one. */
    public static Optional<String> currentName(String key) {
        String unwrapped = key.startsWith(DATA_PARALLEL_PREFIX) ? key.substring(DATA_PARALLEL_PREFIX.length()) : key;
        Matcher fpn = OLD_FPN.matcher(unwrapped);
        if (fpn.matches()) {
            return Optional.of(fpn.group(1) + "fpn." + fpn.group(2) + "." + fpn.group(3) + ".0." + fpn.group(4));
        }
        Matcher rpn = OLD_RPN_CONV.matcher(unwrapped);
        if (rpn.matches()) {
            return Optional.of(rpn.group(1) + "rpn.head.conv.0.0." + rpn.group(2));
        }
        return unwrapped.equals(key) ? Optional.empty() : Optional.of(unwrapped);
    }

    /** Renames {@code weights} towards {@code modelKeys}; see the class comment for the rules. */
    public static Result towards(StateDict weights, Set<String> modelKeys) {
        Map<String, Tensor> migrated = new LinkedHashMap<>();
        Map<String, String> renamed = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, Tensor> entry : weights.asMap().entrySet()) {
            String key = entry.getKey();
            String name = key;
            if (!modelKeys.contains(key)) {
                Optional<String> current = currentName(key);
                if (current.isPresent() && modelKeys.contains(current.get())) {
                    name = current.get();
                    renamed.put(key, name);
                }
            }
            if (!modelKeys.contains(name) && isUnkeptBatchCount(name, modelKeys)) {
                dropped.add(key);
                continue;
            }
            if (migrated.containsKey(name)) {
                // both layouts in one file: the key already under the model's name wins
                dropped.add(key);
                renamed.remove(key);
                continue;
            }
            migrated.put(name, entry.getValue());
        }
        return new Result(new StateDict(migrated), renamed, dropped);
    }

    private static boolean isUnkeptBatchCount(String key, Set<String> modelKeys) {
        if (!key.equals(BATCHES_TRACKED) && !key.endsWith("." + BATCHES_TRACKED)) {
            return false;
        }
        String module = key.substring(0, key.length() - BATCHES_TRACKED.length());
        return modelKeys.contains(module + "running_mean");
    }
}
