package io.boxwork.app.anchors;

import io.boxwork.annotations.model.AnchorSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnchorSettingsTextTest {

    @Test
    void semicolonsSeparateLevelsAndCommasOrSpacesSeparateSizesOfOneLevel() {
        assertEquals(List.of(List.of(32), List.of(64), List.of(128, 181), List.of(256), List.of(512)),
            AnchorSettingsText.parseSizes("32; 64;128, 181 ; 256;512"));
        assertEquals(List.of(List.of(32, 64, 128)), AnchorSettingsText.parseSizes(" 32 64,128 "));
    }

    @Test
    void torchvisionDefaultsRoundTripThroughTheirTextForm() {
        AnchorSettings d = AnchorSettings.torchvisionDefaults();
        assertEquals("32; 64; 128; 256; 512", AnchorSettingsText.formatSizes(d.sizes()));
        assertEquals("0.5, 1, 2", AnchorSettingsText.formatRatios(d.aspectRatios()));
        assertEquals(d.sizes(), AnchorSettingsText.parseSizes(AnchorSettingsText.formatSizes(d.sizes())));
        assertEquals(d.aspectRatios(), AnchorSettingsText.parseRatios(AnchorSettingsText.formatRatios(d.aspectRatios())));
    }

    @Test
    void aSizeThatIsNotAWholeNumberIsReportedWithItsColumn() {
        AnchorTextException e = assertThrows(AnchorTextException.class, () -> AnchorSettingsText.parseSizes("32; 6x4; 128"));
        assertEquals(AnchorSettingsText.SIZES, e.field());
        assertEquals(5, e.column());
        assertEquals("anchor sizes, column 5: '6x4' is not a whole number of pixels", e.getMessage());
    }

    @Test
    void anEmptyLevelIsRefusedNamingTheLevel() {
        AnchorTextException e = assertThrows(AnchorTextException.class, () -> AnchorSettingsText.parseSizes("32;;128"));
        assertEquals(4, e.column());
        assertEquals("anchor sizes, column 4: level 2 has no size", e.getMessage());
    }

    @Test
    void zeroAndNegativeValuesAreRefused() {
        assertEquals(1, assertThrows(AnchorTextException.class, () -> AnchorSettingsText.parseSizes("0")).column());
        AnchorTextException r = assertThrows(AnchorTextException.class, () -> AnchorSettingsText.parseRatios("0.5, -1"));
        assertEquals(6, r.column());
        assertThrows(AnchorTextException.class, () -> AnchorSettingsText.parseRatios("  "));
        assertThrows(AnchorTextException.class, () -> AnchorSettingsText.parseRatios("half"));
    }

    @Test
    void ratiosKeepTheirDecimalsAsTyped() {
        assertEquals(List.of(0.25, 0.7, 1.5), AnchorSettingsText.parseRatios("0.25 0.7,1.5"));
        assertEquals("0.25, 0.7, 1.5", AnchorSettingsText.formatRatios(List.of(0.25, 0.7, 1.5)));
        assertEquals("0.3333", AnchorSettingsText.number(1 / 3.0));
    }
}
