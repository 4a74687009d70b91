import CModelSupport
import Foundation

/// How the process uses the C heap.
public enum MemoryUse {
    /// One malloc arena per core, set before any thread starts. glibc gives
    /// threads up to eight arenas per core; the loader's and the index's
    /// threads each filled one and left it full of holes: at 20,000 articles
    /// peak memory was 387 MB with them and 361 MB with one per core, for
    /// the same loading time on two cores (one arena in all made loading
    /// twice as slow).
    public static func oneArenaPerCore() {
        chronicle_limit_malloc_arenas(Int32(max(1, ProcessInfo.processInfo.activeProcessorCount)))
    }
}
