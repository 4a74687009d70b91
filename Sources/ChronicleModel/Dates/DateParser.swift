extension PartialDate {
    public struct ParseError: Error, Sendable, CustomStringConvertible, Equatable {
        public let text: String
        public let problem: String
        public var description: String {
            "\"\(text)\" is not a date Chronicle understands: \(problem). "
                + "Write an EDTF date such as 2003, 2024-03, 2024-07-04, 2024-21 (spring), 198X, 1979/1989 or /2024-10-04."
        }
    }

    /// Reads an EDTF date exactly as written: nothing around it is trimmed.
    public init(parsing text: String) throws(ParseError) {
        var bytes = text
        let result = bytes.withUTF8 { bytes in
            Result { () throws(ParseError) in try DateParser(bytes: bytes, text: text).date() }
        }
        switch result {
        case .success(let date): self = date
        case .failure(let error): throw error
        }
    }
}

/// One pass over a date's bytes: the date, or the first thing wrong with
/// it, which names the EDTF feature when it is one Chronicle does not read.
struct DateParser {
    typealias ParseError = PartialDate.ParseError
    typealias Point = PartialDate.Point
    let bytes: UnsafeBufferPointer<UInt8>
    let text: String

    static let level2 = "EDTF level 2, which Chronicle does not read"

    func fail(_ problem: String) -> ParseError { ParseError(text: text, problem: problem) }

    func date() throws(ParseError) -> PartialDate {
        guard let first = bytes.first, let last = bytes.last else { throw fail("it is empty") }
        if Self.isSpace(first) || Self.isSpace(last) { throw fail("it has a space before or after it; write the date alone") }
        var slash: Int?
        for i in bytes.indices where bytes[i] == UInt8(ascii: "/") {
            guard slash == nil else { throw fail("an interval has exactly one \"/\"") }
            slash = i
        }
        let edtf = String(decoding: bytes, as: UTF8.self)
        guard let slash else { return PartialDate(edtf: edtf, point: try point(0..<bytes.count, inInterval: false)) }
        let start = try bound(0..<slash), end = try bound((slash + 1)..<bytes.count)
        if let s = start.point, let e = end.point { try checkOrder(s, e, startText: 0..<slash, endText: (slash + 1)..<bytes.count) }
        return PartialDate(edtf: edtf, start: start, end: end)
    }

    private func bound(_ range: Range<Int>) throws(ParseError) -> PartialDate.Bound {
        if range.isEmpty { return .unknown }
        if range.count == 2 && bytes[range.lowerBound] == UInt8(ascii: ".") && bytes[range.lowerBound + 1] == UInt8(ascii: ".") { return .open }
        let point = try point(range, inInterval: true)
        if point.subYear != nil {
            throw fail("a season or other part of a year cannot be an end of an interval (EDTF leaves such intervals out); "
                       + "write months instead, such as 2012-03/2012-08")
        }
        return .point(point)
    }

    private func checkOrder(_ s: Point, _ e: Point, startText: Range<Int>, endText: Range<Int>) throws(ParseError) {
        if s.earliestDay > e.latestDay { throw fail("the interval ends before it starts; put the earlier date first") }
        let endHoldsStart = e.earliestDay <= s.earliestDay && s.latestDay <= e.latestDay
        let startHoldsEnd = s.earliestDay <= e.earliestDay && e.latestDay <= s.latestDay
        guard endHoldsStart || startHoldsEnd else { return }
        let startWritten = String(decoding: bytes[startText], as: UTF8.self), endWritten = String(decoding: bytes[endText], as: UTF8.self)
        if endHoldsStart && startHoldsEnd {
            throw fail("its start and end are the same span of time; write \(startWritten) alone")
        }
        let (outer, inner) = endHoldsStart ? (endWritten, startWritten) : (startWritten, endWritten)
        throw fail("its \(endHoldsStart ? "end" : "start"), \(outer), contains its \(endHoldsStart ? "start" : "end"), \(inner); "
                   + "an interval runs from one date to a later one")
    }

    /// A date without "/": a whole date, or one end of an interval.
    private func point(_ range: Range<Int>, inInterval: Bool) throws(ParseError) -> Point {
        var i = range.lowerBound, end = range.upperBound
        var uncertain = false, approximate = false
        switch bytes[end - 1] {
        case UInt8(ascii: "?"): uncertain = true; end -= 1
        case UInt8(ascii: "~"): approximate = true; end -= 1
        case UInt8(ascii: "%"): uncertain = true; approximate = true; end -= 1
        default: break
        }
        guard i < end else { throw fail("\"?\", \"~\" and \"%\" follow a date (2024?), they are not one") }
        if bytes[i] == UInt8(ascii: "Y") { return try yYear(from: i + 1, to: end, uncertain: uncertain, approximate: approximate) }

        let negative = minusLength(at: i, end) > 0
        i += minusLength(at: i, end)
        let yearStart = i
        var value = 0, unspecified = 0
        while i < end, Self.isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "X") {
            if bytes[i] == UInt8(ascii: "X") {
                unspecified += 1
            } else if unspecified > 0 {
                throw fail("X among a year's known digits (1X8X, X016) is \(Self.level2); X may stand only for last digits: 198X, 19XX, 1XXX")
            } else if i - yearStart < 4 {
                value = value * 10 + Int(bytes[i] - 0x30)
            }
            i += 1
        }
        if i < end && bytes[i] == UInt8(ascii: "x") { throw fail("write an unspecified digit as a capital X (198X)") }
        switch i - yearStart {
        case 4: break
        case 3: throw fail("a three-digit decade (193) is \(Self.level2); write the decade as 193X")
        case 2: throw fail("a year has four digits (0024, 2024); a two-digit century (19) is not EDTF, write 19XX")
        case 0 where i < end: throw unexpected(at: i)
        case 0, 1: throw fail("a year has four digits (2024, -0999)")
        default:
            guard unspecified == 0 else { throw fail("a year has four digits, X included (198X, 19XX)") }
            throw fail("a year of more than four digits is written after a Y: Y\(String(decoding: bytes[yearStart..<i], as: UTF8.self))")
        }
        if negative && value == 0 && unspecified == 0 { throw fail("there is no year -0000; year 0, which is 1 BCE, is written 0000") }
        var yearPower = 1
        for _ in 0..<unspecified { yearPower *= 10 }
        let year = (negative ? -value : value) * yearPower
        let precisions: [PartialDate.Precision] = [.year, .decade, .century, .millennium, .unknownYear]
        var precision = precisions[unspecified]
        func made(month: Int? = nil, day: Int? = nil, monthUnspecified: Bool = false, dayUnspecified: Bool = false) -> Point {
            Point(year: year, month: month, day: day, precision: precision, monthUnspecified: monthUnspecified,
                  dayUnspecified: dayUnspecified, uncertain: uncertain, approximate: approximate, negative: negative)
        }
        if i == end { return made() }
        guard bytes[i] == UInt8(ascii: "-") else { throw unexpected(at: i) }

        // The month, or a part of the year.
        let monthField = try field(from: i + 1, to: end, naming: "month")
        i += 3
        var month: Int?
        if monthField == nil {
            // XX: the month is not known, so the date is as fine as its year.
        } else if unspecified > 0 {
            throw fail("a known month or season after a year with X digits (198X-05) is \(Self.level2)")
        } else if let value = monthField, (1...12).contains(value) {
            month = value
            precision = .month
        } else if let value = monthField, let part = PartialDate.SubYear(rawValue: value) {
            guard i == end else { throw fail("a season or other part of a year has no day") }
            precision = part.precision
            return made(month: value)
        } else if let value = monthField {
            let written = String(decoding: bytes[(i - 2)..<i], as: UTF8.self)
            throw fail(value < 21 ? "there is no month \(written); months are 01 to 12, and 21 to 41 seasons and other parts of a year"
                                  : "there is no month or season \(written); months are 01 to 12, seasons and other parts of a year 21 to 41")
        }
        if i == end { return made(month: month, monthUnspecified: month == nil) }
        guard bytes[i] == UInt8(ascii: "-") else {
            if bytes[i] == UInt8(ascii: "T") { throw fail("a time needs a whole date before it: YYYY-MM-DDThh:mm:ss") }
            throw unexpected(at: i)
        }

        // The day.
        let dayField = try field(from: i + 1, to: end, naming: "day")
        i += 3
        guard let dayValue = dayField else {
            if i < end && bytes[i] == UInt8(ascii: "T") { throw fail("a time needs a known day before it") }
            guard i == end else { throw unexpected(at: i) }
            return made(month: month, monthUnspecified: month == nil, dayUnspecified: true)
        }
        guard let month else {
            throw fail("a known day after a month not known (2024-XX-05) is \(Self.level2)")
        }
        let last = DayNumber.daysIn(month: month, year: year)
        guard (1...last).contains(dayValue) else {
            let written = String(decoding: bytes[(i - 2)..<i], as: UTF8.self)
            if dayValue == 0 { throw fail("there is no day 00") }
            throw fail("\(DateText.monthNames[month - 1]) \(DateText.year(year)) has no day \(written) (it has \(last) days)")
        }
        precision = .day
        if i == end { return made(month: month, day: dayValue) }
        guard bytes[i] == UInt8(ascii: "T") else { throw unexpected(at: i) }

        // The time of day.
        if inInterval { throw fail("an interval's ends are dates without a time of day (EDTF leaves times out of intervals)") }
        if uncertain || approximate { throw fail("\"?\", \"~\" and \"%\" qualify dates, not times of day (EDTF has no qualified time)") }
        _ = try time(from: i + 1)
        precision = .time
        return made(month: month, day: dayValue)
    }

    /// Two characters after a "-": the number, nil for XX, or why not.
    private func field(from i: Int, to end: Int, naming name: String) throws(ParseError) -> Int? {
        var j = i
        while j < end, Self.isDigit(bytes[j]) || bytes[j] == UInt8(ascii: "X") { j += 1 }
        let written = bytes[i..<j]
        if written.count == 2 {
            if written.allSatisfy({ $0 == UInt8(ascii: "X") }) { return nil }
            if written.allSatisfy(Self.isDigit) { return Int(bytes[i] - 0x30) * 10 + Int(bytes[i + 1] - 0x30) }
            throw fail("X in part of a \(name) (2016-1X, 2016-05-X1) is \(Self.level2); write XX for a \(name) not known")
        }
        if written.isEmpty && j < end { throw unexpected(at: j) }
        throw fail(name == "month" ? "the month must be two digits, 01 to 12 (or 21 to 24 for a season)" : "the day must be two digits")
    }

    /// `Y` and more than four digits, perhaps negative: a year alone.
    private func yYear(from start: Int, to end: Int, uncertain: Bool, approximate: Bool) throws(ParseError) -> Point {
        let negative = minusLength(at: start, end) > 0
        let digitsStart = start + minusLength(at: start, end)
        var i = digitsStart, value = 0
        while i < end, Self.isDigit(bytes[i]) {
            if i - digitsStart < 10 { value = value * 10 + Int(bytes[i] - 0x30) }
            i += 1
        }
        let count = i - digitsStart
        if i < end {
            if bytes[i] == UInt8(ascii: "E") || bytes[i] == UInt8(ascii: "S") { throw unexpected(at: i) }
            if bytes[i] == UInt8(ascii: "-") && count > 0 { throw fail("a year written after Y stands alone, without a month or day") }
            throw unexpected(at: i)
        }
        guard count > 4 else { throw fail("Y is for years of more than four digits (Y10000, Y-170000002); write the year as four digits") }
        guard bytes[digitsStart] != UInt8(ascii: "0") else { throw fail("a year written after Y does not begin with 0") }
        guard count <= 9 else { throw fail("years of more than nine digits are beyond what Chronicle holds") }
        return Point(year: negative ? -value : value, month: nil, day: nil, precision: .year,
                     uncertain: uncertain, approximate: approximate, negative: negative)
    }

    /// A time of day and its zone, from just after the `T` to the end:
    /// hh:mm, hh:mm:ss or hh:mm:ss.f…, then nothing, Z, or an offset
    /// (±hh:mm, ±hhmm, ±hh) from -12:00 to +14:00.
    func time(from start: Int) throws(ParseError) -> TimeOfDay {
        let end = bytes.count
        let shape = "a time is hh:mm or hh:mm:ss after the T, in 24 hours (2024-07-04T16:05:00)"
        func two(at i: Int) -> Int? {
            guard i + 1 < end, Self.isDigit(bytes[i]), Self.isDigit(bytes[i + 1]) else { return nil }
            return Int(bytes[i] - 0x30) * 10 + Int(bytes[i + 1] - 0x30)
        }
        guard let hour = two(at: start), start + 2 < end, bytes[start + 2] == UInt8(ascii: ":"), let minute = two(at: start + 3) else {
            throw fail(shape)
        }
        var i = start + 5
        var second: Int?, nanoseconds = 0, fractionNonzero = false
        if i < end && bytes[i] == UInt8(ascii: ":") {
            guard let value = two(at: i + 1) else { throw fail(shape) }
            second = value
            i += 3
            if i < end && bytes[i] == UInt8(ascii: ".") {
                var j = i + 1, scale = 100_000_000
                while j < end, Self.isDigit(bytes[j]) {
                    nanoseconds += Int(bytes[j] - 0x30) * scale
                    fractionNonzero = fractionNonzero || bytes[j] != 0x30
                    scale /= 10
                    j += 1
                }
                guard j > i + 1 else { throw fail("a fraction of a second needs digits after the point") }
                i = j
            }
        }
        if hour > 24 { throw fail("there is no hour \(hour)") }
        if minute > 59 { throw fail("there is no minute \(minute); minutes run 00 to 59") }
        if let second, second > 59 { throw fail("there is no second \(second); seconds run 00 to 59 (leap seconds are not read)") }
        if hour == 24 && (minute != 0 || (second ?? 0) != 0 || fractionNonzero) {
            throw fail("24:00 is the end of a day; no time comes after it")
        }
        let clockEnd = i
        var zone = TimeOfDay.Zone.unstated
        if i < end {
            if bytes[i] == UInt8(ascii: "Z") {
                zone = .utc
                i += 1
            } else if bytes[i] == UInt8(ascii: "+") || minusLength(at: i, end) > 0 {
                let sign = bytes[i] == UInt8(ascii: "+") ? 1 : -1
                i += sign == 1 ? 1 : minusLength(at: i, end)
                let zoneShape = "a time zone is Z or an offset such as +05:30, -0800 or +14"
                guard let hours = two(at: i) else { throw fail(zoneShape) }
                i += 2
                var minutes = 0
                if i < end {
                    let colon = bytes[i] == UInt8(ascii: ":") ? 1 : 0
                    guard let value = two(at: i + colon) else { throw fail(zoneShape) }
                    minutes = value
                    i += colon + 2
                }
                if minutes > 59 { throw fail("there is no offset minute \(minutes)") }
                let total = sign * (hours * 60 + minutes)
                if sign == -1 && total == 0 { throw fail("-00:00 is not a time zone; write Z or +00:00 for UTC") }
                guard (-12 * 60)...(14 * 60) ~= total else { throw fail("time zones run from -12:00 to +14:00") }
                zone = .offset(minutes: total)
            } else {
                throw unexpected(at: i)
            }
            if i < end { throw unexpected(at: i) }
        }
        return TimeOfDay(hour: hour, minute: minute, second: second, nanoseconds: nanoseconds, zone: zone,
                         clockText: String(decoding: bytes[start..<clockEnd], as: UTF8.self),
                         zoneText: String(decoding: bytes[clockEnd..<end], as: UTF8.self))
    }

    /// 1 for "-", 3 for U+2212 MINUS SIGN (E2 88 92), 0 for neither.
    private func minusLength(at i: Int, _ end: Int) -> Int {
        guard i < end else { return 0 }
        if bytes[i] == UInt8(ascii: "-") { return 1 }
        if i + 2 < end && bytes[i] == 0xE2 && bytes[i + 1] == 0x88 && bytes[i + 2] == 0x92 { return 3 }
        return 0
    }

    /// Why the byte at `i` cannot come where it is, naming the EDTF
    /// feature it belongs to when it is one.
    private func unexpected(at i: Int) -> ParseError {
        let byte = bytes[i]
        let before = String(decoding: bytes[..<i], as: UTF8.self)
        let startsADate = i == 0 || bytes[i - 1] == UInt8(ascii: "/")
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"): return fail("a date has no spaces")
        case ..<0x20, 0x7F: return fail("it holds a control character")
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            return fail("sets and lists of dates ([1667, 1668], {1960, 1961-12}) are \(Self.level2)")
        case UInt8(ascii: "("), UInt8(ascii: ")"):
            return fail("parentheses, from the 2012 draft of EDTF, are not EDTF; put ?, ~ or % at the end of the date")
        case UInt8(ascii: "?"), UInt8(ascii: "~"), UInt8(ascii: "%"):
            return fail("qualifying part of a date (?2004, 2004?-06-11, 2004-06-~11) is \(Self.level2); put ?, ~ or % at the end, for the whole date")
        case UInt8(ascii: "E") where i > 0 && Self.isDigit(bytes[i - 1]), UInt8(ascii: "S") where i > 0 && Self.isDigit(bytes[i - 1]):
            return fail("exponents and significant digits (Y17E7, 1950S2) are \(Self.level2)")
        case UInt8(ascii: "T") where i > 0 && Self.isDigit(bytes[i - 1]):
            return fail("a time needs a whole date before it: YYYY-MM-DDThh:mm:ss")
        case UInt8(ascii: "X"): return fail("X after known digits of a month or day is \(Self.level2); write XX for a month or day not known")
        case UInt8(ascii: ".") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "."):
            return fail("\"..\" stands alone as the open end of an interval: ../1985, 1985/..")
        case UInt8(ascii: "a")...UInt8(ascii: "z") where startsADate, UInt8(ascii: "A")...UInt8(ascii: "Z") where startsADate:
            return fail("a date is written in EDTF digits (2024-03-29, 2024-03), not in words")
        case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94):
            return fail("write \"/\" between the ends of an interval and \"-\" inside a date, not a dash (– or —)")
        default:
            // A character is at most four bytes: a long date is not decoded whole.
            var character = String(decoding: bytes[i..<min(i + 4, bytes.count)], as: UTF8.self).prefix(1)
            if character.first?.isASCII == false || character.isEmpty { character = Substring(SafeText.visible(String(character))) }
            return before.isEmpty ? fail("a date does not begin with \"\(character)\"")
                                  : fail("\"\(character)\" cannot follow \"\(before.count > 16 ? "…" + before.suffix(16) : Substring(before))\"")
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
