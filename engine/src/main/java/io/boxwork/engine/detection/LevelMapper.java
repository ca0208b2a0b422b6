package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.List;

import static io.boxwork.engine.detection.Tensors.scalar;

/**
 * Which FPN level pools each box, by the FPN paper's rule as torchvision applies it: level
 * {@code floor(canonicalLevel + log2(sqrt(area) / canonicalScale) + eps)}, clamped to
 * {@code [kMin, kMax]}, returned relative to {@code kMin}.
 */
public record LevelMapper(int kMin, int kMax, int canonicalScale, int canonicalLevel, double eps) {

    /** @return int64 level index (0 = finest pooled level) per box of all images, concatenated */
    public Tensor map(List<Tensor> boxesPerImage) {
        Tensor s = BoxOps.boxArea(Tensors.cat(boxesPerImage, 0)).sqrt();
        Tensor epsT = torch.full(new long[]{}, scalar(eps), s.options());
        Tensor levels = torch.floor(torch.log2(s.div(scalar(canonicalScale))).add(scalar(canonicalLevel)).add(epsT));
        levels = levels.clamp(Tensors.some(kMin), Tensors.some(kMax));
        return levels.to(torch.ScalarType.Long).sub(scalar(kMin));
    }
}
