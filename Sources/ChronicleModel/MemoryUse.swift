import CModelSupport
import Foundation

/// How the process uses the C heap.
public enum MemoryUse {
    /// One malloc arena per core, set before any thread starts. glibc gives
    /// threads up to eight arenas per core; after loading 20,000 articles it
    /// held five, two of them 138 MB for 36 MB in use. With one per core,
    /// peak memory went from 387 to 361 MB for the same loading time on two
    /// cores (one arena in all made loading twice as slow).
    public static func oneArenaPerCore() {
        chronicle_limit_malloc_arenas(Int32(max(1, ProcessInfo.processInfo.activeProcessorCount)))
    }
}
