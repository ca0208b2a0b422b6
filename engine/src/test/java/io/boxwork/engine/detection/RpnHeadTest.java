package io.boxwork.engine.detection;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RpnHeadTest {

    @Test
    void legacyRpnConvKeysAreRenamedAsTorchvisionDoesOnLoad() {
        assertEquals("rpn.head.conv.0.0.weight", RpnHead.currentKey("rpn.head.conv.weight"));
        assertEquals("rpn.head.conv.0.0.bias", RpnHead.currentKey("rpn.head.conv.bias"));
        assertEquals("rpn.head.conv.0.0.weight", RpnHead.currentKey("rpn.head.conv.0.0.weight"));
        assertEquals("rpn.head.cls_logits.weight", RpnHead.currentKey("rpn.head.cls_logits.weight"));
        assertEquals("roi_heads.box_head.fc6.weight", RpnHead.currentKey("roi_heads.box_head.fc6.weight"));
    }

    @Test
    void headKeysAreTorchvision014Keys() {
        RpnHead head = new RpnHead(8, 3);
        assertEquals(List.of("bbox_pred.bias", "bbox_pred.weight", "cls_logits.bias", "cls_logits.weight",
                        "conv.0.0.bias", "conv.0.0.weight"),
                StateDicts.keys(head, "").stream().sorted().toList());
    }
}
