import ChronicleModel

/// The timeline list's rows: some events, ascending (timeline order), each
/// run of a year under its heading. Rows are worked out from positions when
/// asked for, not stored: a keystroke that keeps 100,000 events would
/// otherwise build 100,000 rows to draw 30.
public struct TimelineRows: RandomAccessCollection, Sendable, Equatable {
    /// The heading texts, and each corpus event's heading among them.
    public struct Headings: Sendable, Equatable {
        let texts: [String]
        let ofEvent: [Int32]
    }

    /// The events shown, ascending.
    public let events: [Int]
    let headings: Headings
    /// Positions in `events` where a heading starts; heading k is row starts[k] + k.
    let starts: [Int]

    init(events: [Int], headings: Headings) {
        self.events = events
        self.headings = headings
        var starts: [Int] = []
        var last: Int32 = -1
        for (position, event) in events.enumerated() where headings.ofEvent[event] != last {
            last = headings.ofEvent[event]
            starts.append(position)
        }
        self.starts = starts
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { events.count + starts.count }

    public subscript(row: Int) -> BrowserData.TimelineRow {
        // The headings at or above this row.
        let above = starts.indices.partitionPoint { starts[$0] + $0 <= row }
        if above > 0 && starts[above - 1] + above - 1 == row {
            return .heading(headings.texts[Int(headings.ofEvent[events[starts[above - 1]]])])
        }
        return .event(events[row - above])
    }

    /// The row of an event, or nil when it is not shown.
    public func row(ofEvent event: Int) -> Int? {
        let position = events.partitionPoint { $0 < event }
        guard position < events.count, events[position] == event else { return nil }
        return position + starts.partitionPoint { $0 <= position }
    }

    /// An event's position among those shown (the status line's "12/340").
    public func position(ofEvent event: Int) -> Int? {
        let position = events.partitionPoint { $0 < event }
        return position < events.count && events[position] == event ? position : nil
    }
}
