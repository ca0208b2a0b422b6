package io.boxwork.engine.device;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeVariantTest {

    /** What ldd printed for the CUDA build's libtorch_cuda.so on a machine with the CUDA runtime but no cuBLAS or cuDNN. */
    private static final String LDD = """
        \tlinux-vdso.so.1 (0x00007ffc3a5f2000)
        \tlibc10_cuda.so => /root/.javacpp/cache/boxwork.jar/org/bytedeco/pytorch/linux-x86_64-gpu/./libc10_cuda.so (0x00007f2870299000)
        \tlibcudart.so.13 => /root/.javacpp/cache/boxwork.jar/org/bytedeco/pytorch/linux-x86_64-gpu/./libcudart.so.13 (0x00007f2855400000)
        \tlibcusparse.so.12 => not found
        \tlibcufft.so.12 => not found
        \tlibnccl.so.2 => not found
        \tlibcublas.so.13 => not found
        \tlibcudnn.so.9 => not found
        \tlibcusparse.so.12 => not found
        \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f2843400000)
        """;

    @Test
    void lddsNotFoundLinesNameTheMissingLibrariesOnceEach() {
        assertEquals(List.of("libcusparse.so.12", "libcufft.so.12", "libnccl.so.2", "libcublas.so.13", "libcudnn.so.9"),
            NativeVariant.notFound(LDD));
        assertEquals(List.of(), NativeVariant.notFound("\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x1)\n"));
    }

    @Test
    void aCompleteCudaInstallLoadsTheGpuBuild() {
        NativeVariant v = NativeVariant.decide(true, List.of(), null);
        assertTrue(v.gpu());
        assertEquals(Optional.empty(), v.cpuBecause());
    }

    @Test
    void missingCudaLibrariesFallBackToTheBundledCpuBuildAndSayWhich() {
        NativeVariant v = NativeVariant.decide(true, List.of("libcublas.so.13", "libcudnn.so.9"), null);
        assertFalse(v.gpu());
        assertEquals("", v.extension());
        assertTrue(v.cpuBecause().orElseThrow().contains("needs libcublas.so.13, libcudnn.so.9"), v.cpuBecause().toString());
    }

    @Test
    void withoutCpuNativesToFallBackOnTheMissingLibrariesAreAnErrorNotACrash() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> NativeVariant.decide(false, List.of("libcudnn.so.9"), null));
        assertTrue(e.getMessage().contains("libcudnn.so.9") && e.getMessage().contains("no CPU natives"), e.getMessage());
    }

    @Test
    void theUsersOwnChoiceStands() {
        assertTrue(NativeVariant.decide(true, List.of("libcudnn.so.9"), "-gpu").gpu());
        assertFalse(NativeVariant.decide(true, List.of(), "").gpu());
    }

    @Test
    void thisCpuPackageHasNothingToChoose() {
        assertEquals(NativeVariant.cpuOnlyPackage(), NativeLibraries.variant());
    }
}
