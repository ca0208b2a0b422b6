package io.boxwork.engine.device;

import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NativeThreadsTest {

    @Test
    void intraOpThreadsFollowEveryCallWhileTheInterOpPoolIsSizedOnce() {
        int before = torch.get_num_threads();
        try {
            ThreadSettings first = NativeThreads.configure(1, 1);
            assertEquals(1, first.intraOpThreads());
            ThreadSettings second = NativeThreads.configure(2, 3);
            assertEquals(2, second.intraOpThreads());
            assertEquals(first.interOpThreads(), second.interOpThreads());
            assertEquals(second, NativeThreads.current());
        } finally {
            torch.set_num_threads(before);
        }
    }

    @Test
    void aThreadCountBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NativeThreads.configure(0, 1));
        assertThrows(IllegalArgumentException.class, () -> NativeThreads.configure(1, 0));
    }
}
