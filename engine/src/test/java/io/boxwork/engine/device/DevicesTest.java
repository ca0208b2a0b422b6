package io.boxwork.engine.device;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevicesTest {

    @Test
    void autoChoosesCudaExactlyWhenLibTorchSeesAGpu() {
        ComputeDevice device = Devices.choose();
        assertEquals(torch.cuda_is_available(), device.isCuda());
        if (device.isCuda()) {
            assertTrue(device.description().startsWith("CUDA: "), device.description());
        } else {
            assertEquals("CPU (" + torch.get_num_threads() + (torch.get_num_threads() == 1 ? " thread)" : " threads)"),
                    device.description());
        }
    }

    @Test
    void cpuDescriptionCountsThreadsInPlainWords() {
        assertEquals("CPU (1 thread)", Devices.cpuDescription(1));
        assertEquals("CPU (2 threads)", Devices.cpuDescription(2));
    }

    @Test
    void tensorsCanBeMovedToTheChosenDevice() {
        ComputeDevice device = Devices.choose(DevicePreference.CPU);
        assertFalse(device.isCuda());
        try (PointerScope scope = new PointerScope()) {
            Tensor moved = torch.ones(2, 2).to(device.device(), torch.ScalarType.Float);
            assertEquals(4.0, moved.sum().item_double());
        }
    }

    @Test
    void requestingCudaWithoutAGpuIsRefusedSayingWhy() {
        if (torch.cuda_is_available()) {
            assertTrue(Devices.choose(DevicePreference.CUDA).isCuda());
            return;
        }
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> Devices.choose(DevicePreference.CUDA));
        assertTrue(e.getMessage().contains("no CUDA device"), e.getMessage());
        assertTrue(e.getMessage().contains("choose auto or cpu"), "says what to do instead: " + e.getMessage());
    }

    @Test
    void withTheCpuNativesTheRefusalSaysToBuildTheGpuProfile() {
        boolean gpuNatives = Devices.class.getResource("/org/bytedeco/pytorch/" + org.bytedeco.javacpp.Loader.getPlatform() + "-gpu/") != null;
        String reason = Devices.noCudaReason();
        assertEquals(!gpuNatives, reason.contains("build with -Pgpu"), reason);
    }

    @Test
    void preferencesReadAsTheCommandLineAndRunConfigsSpellThem() {
        assertEquals(DevicePreference.AUTO, DevicePreference.parse("auto"));
        assertEquals(DevicePreference.CPU, DevicePreference.parse(" CPU "));
        assertEquals(DevicePreference.CUDA, DevicePreference.parse("cuda"));
        assertEquals(DevicePreference.CUDA, DevicePreference.parse("gpu"));
        for (DevicePreference p : DevicePreference.values()) assertEquals(p, DevicePreference.parse(p.configName()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DevicePreference.parse("tpu"));
        assertEquals("unknown device 'tpu'; use auto, cpu or cuda", e.getMessage());
    }

    @Test
    void aModuleIsWhereItsWeightsAre() {
        org.bytedeco.pytorch.LinearImpl linear = new org.bytedeco.pytorch.LinearImpl(2, 3);
        assertTrue(Devices.of(linear).is_cpu());
        assertTrue(Devices.of(new org.bytedeco.pytorch.Module()).is_cpu(), "no tensors: the CPU");
    }
}
