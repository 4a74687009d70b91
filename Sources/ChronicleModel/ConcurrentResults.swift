import Foundation

/// Results put by the cores of a `concurrentPerform`, taken after it returns
/// (the loader, the index and the browser's tables use it).
public final class ConcurrentResults<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func put(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

    /// The value, which the results no longer hold: the taker owns it alone.
    public func take(_ index: Int) -> Value {
        lock.withLock {
            defer { slots[index] = nil }
            return slots[index]!
        }
    }
}
