import Foundation

/// Results put by other threads (the cores of a `concurrentPerform`, or the
/// threads that check the events files), each taken once it is there (the
/// loader, the index and the browser's tables use it).
public final class ConcurrentResults<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()
    private let ready: [DispatchSemaphore]

    public init(count: Int) {
        slots = Array(repeating: nil, count: count)
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    public func put(_ index: Int, _ value: Value) {
        lock.withLock { slots[index] = value }
        ready[index].signal()
    }

    /// The value, once put, which the results no longer hold: the taker owns it alone.
    public func take(_ index: Int) -> Value {
        ready[index].wait()
        return lock.withLock {
            defer { slots[index] = nil }
            return slots[index]!
        }
    }
}
