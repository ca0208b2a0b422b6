package io.boxwork.app;

import io.boxwork.engine.device.NativeThreads;
import io.boxwork.engine.device.ThreadSettings;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EngineThreadsTest {

    @Test
    void startUpGivesLibTorchEveryCoreForOneOperationAsTheCliDoes() throws Exception {
        ThreadSettings set = EngineThreads.configureInBackground().get(2, TimeUnit.MINUTES);
        assertEquals(Runtime.getRuntime().availableProcessors(), set.intraOpThreads());
        assertEquals(set, NativeThreads.current(), "the settings are in effect, not only returned");
    }
}
