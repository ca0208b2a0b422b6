package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.List;

import static io.boxwork.engine.detection.Tensors.scalar;

/**
 * Encodes boxes as {@code (dx, dy, dw, dh)} offsets from reference boxes and back, as torchvision's
 * {@code BoxCoder}: the RPN uses weights (1, 1, 1, 1), the RoI heads (10, 10, 5, 5).
 */
public final class BoxCoder {

    /** torchvision's default cap on {@code dw, dh}: no box grows more than 1000/16 times its reference. */
    public static final double DEFAULT_BBOX_XFORM_CLIP = Math.log(1000.0 / 16);

    private final double wx;
    private final double wy;
    private final double ww;
    private final double wh;
    private final double bboxXformClip;

    public BoxCoder(double wx, double wy, double ww, double wh, double bboxXformClip) {
        this.wx = wx;
        this.wy = wy;
        this.ww = ww;
        this.wh = wh;
        this.bboxXformClip = bboxXformClip;
    }

    public BoxCoder(List<Double> weights, double bboxXformClip) {
        this(weights.get(0), weights.get(1), weights.get(2), weights.get(3), bboxXformClip);
    }

    /** Regression targets ({@code N x 4}) that move each proposal onto its reference (ground-truth) box. */
    public Tensor encode(Tensor referenceBoxes, Tensor proposals) {
        Tensor exWidths = proposals.select(1, 2).sub(proposals.select(1, 0));
        Tensor exHeights = proposals.select(1, 3).sub(proposals.select(1, 1));
        Tensor exCtrX = proposals.select(1, 0).add(exWidths.mul(scalar(0.5)));
        Tensor exCtrY = proposals.select(1, 1).add(exHeights.mul(scalar(0.5)));

        Tensor gtWidths = referenceBoxes.select(1, 2).sub(referenceBoxes.select(1, 0));
        Tensor gtHeights = referenceBoxes.select(1, 3).sub(referenceBoxes.select(1, 1));
        Tensor gtCtrX = referenceBoxes.select(1, 0).add(gtWidths.mul(scalar(0.5)));
        Tensor gtCtrY = referenceBoxes.select(1, 1).add(gtHeights.mul(scalar(0.5)));

        // torchvision multiplies by a float32 weight tensor: keep the weights in the boxes' dtype.
        Tensor dx = weight(wx, proposals).mul(gtCtrX.sub(exCtrX)).div(exWidths);
        Tensor dy = weight(wy, proposals).mul(gtCtrY.sub(exCtrY)).div(exHeights);
        Tensor dw = weight(ww, proposals).mul(gtWidths.div(exWidths).log());
        Tensor dh = weight(wh, proposals).mul(gtHeights.div(exHeights).log());
        return Tensors.stack(1, dx, dy, dw, dh);
    }

    private static Tensor weight(double w, Tensor like) {
        return torch.full(new long[]{}, scalar(w), like.options());
    }

    /**
     * Applies {@code relCodes} ({@code N x 4k}) to {@code boxes} ({@code N x 4}).
     *
     * @return {@code N x 4k} decoded boxes
     */
    public Tensor decodeSingle(Tensor relCodes, Tensor boxes) {
        Tensor b = boxes.to(relCodes.scalar_type());
        Tensor widths = b.select(1, 2).sub(b.select(1, 0));
        Tensor heights = b.select(1, 3).sub(b.select(1, 1));
        Tensor ctrX = b.select(1, 0).add(widths.mul(scalar(0.5)));
        Tensor ctrY = b.select(1, 1).add(heights.mul(scalar(0.5)));

        Tensor codes = relCodes.reshape(relCodes.size(0), -1, 4);
        Tensor dx = codes.select(2, 0).div(scalar(wx));
        Tensor dy = codes.select(2, 1).div(scalar(wy));
        Tensor dw = codes.select(2, 2).div(scalar(ww)).clamp(Tensors.none(), Tensors.some(bboxXformClip));
        Tensor dh = codes.select(2, 3).div(scalar(wh)).clamp(Tensors.none(), Tensors.some(bboxXformClip));

        Tensor predCtrX = dx.mul(widths.unsqueeze(1)).add(ctrX.unsqueeze(1));
        Tensor predCtrY = dy.mul(heights.unsqueeze(1)).add(ctrY.unsqueeze(1));
        Tensor predW = dw.exp().mul(widths.unsqueeze(1));
        Tensor predH = dh.exp().mul(heights.unsqueeze(1));

        Tensor halfW = predW.mul(scalar(0.5));
        Tensor halfH = predH.mul(scalar(0.5));
        return Tensors.stack(2, predCtrX.sub(halfW), predCtrY.sub(halfH), predCtrX.add(halfW), predCtrY.add(halfH))
                .flatten(1, -1);
    }

    /**
     * Decodes the codes of several images against their concatenated reference boxes.
     *
     * @return {@code sum(N_i) x k x 4}
     */
    public Tensor decode(Tensor relCodes, List<Tensor> boxes) {
        Tensor concat = Tensors.cat(boxes, 0);
        long total = concat.size(0);
        Tensor codes = total > 0 ? relCodes.reshape(total, -1) : relCodes;
        Tensor pred = decodeSingle(codes, concat);
        return total > 0 ? pred.reshape(total, -1, 4) : pred;
    }
}
