import CModelSupport
import Foundation

/// How the process uses the C heap: policies the executable sets, never
/// the model's own code.
public enum MemoryUse {
    /// One malloc arena per core, set before any thread starts: glibc gives
    /// threads up to eight arenas per core, and the loader's threads left
    /// theirs full of holes. One arena in all made loading much slower.
    public static func oneArenaPerCore() {
        chronicle_limit_malloc_arenas(Int32(max(1, ProcessInfo.processInfo.activeProcessorCount)))
    }

    /// Heaps grown in large steps: a thread's heap otherwise grows a few
    /// pages at a time, one `mprotect` call each, and a warm search made
    /// some twenty thousand of them while the cache entry was decoded. The
    /// pages of a step are not resident until they are used.
    public static func growHeapsInLargeSteps() {
        chronicle_pad_heap_growth(64 << 20)
    }

    /// Hands the heap's free pages back to the system (`malloc_trim`): after
    /// loading, the parse trees and checked events are freed in small pieces
    /// spread over every thread's heap, and would stay resident under the
    /// index built next.
    public static func releaseFreedMemory() {
        _ = chronicle_release_free_memory()
    }
}
