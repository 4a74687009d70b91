extension RandomAccessCollection {
    /// The first index whose element is not `before`, for a collection in
    /// which every element that is `before` comes first (a lower bound).
    /// One binary search for the display map, the search index and the UI.
    /// Inlinable, so other modules get it specialized to their collection
    /// and closure: called generically, each call cost some 600 instructions
    /// in witness tables (a tenth of a keystroke's frame, in the snippets).
    @inlinable
    public func partitionPoint(_ before: (Element) -> Bool) -> Index {
        var lo = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let mid = index(lo, offsetBy: half)
            if before(self[mid]) {
                lo = index(after: mid)
                count -= half + 1
            } else {
                count = half
            }
        }
        return lo
    }
}
