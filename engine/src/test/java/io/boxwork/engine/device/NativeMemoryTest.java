package io.boxwork.engine.device;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeMemoryTest {

    private static long residentMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    @Test
    void freedTensorsPagesGoBackToTheSystemOnlyWhenReturned() throws IOException {
        Tensor pin;
        try (PointerScope scope = new PointerScope()) {
            // 160 MiB in 8 KiB tensors: heap chunks, not mmap'ed blocks that free() unmaps at once.
            for (int i = 0; i < 20_000; i++) torch.ones(2048).add_(new Scalar(1.0));
            // One tensor after them stays alive, so the freed ones are not the heap's top, which free() trims itself.
            pin = torch.ones(2048);
            scope.detach(pin);
        }
        long held = residentMib();
        NativeMemory.returnFreePages();
        long after = residentMib();
        pin.close();
        System.out.println("native memory: " + held + " MiB resident after freeing, " + after + " after returning the free pages");
        assertTrue(held - after >= 100, "resident " + held + " MiB after freeing, " + after + " MiB after returning the pages");
    }
}
