import CModelSupport

/// Resolves a W3C Web Annotation TextQuoteSelector (`exact`, optional
/// `prefix` and `suffix`) against a source's quotable text.
public enum QuoteAnchor {
    public enum Outcome: Sendable, Equatable {
        case resolved(range: Range<Int>, line: Int, endLine: Int)
        /// Not in the article body. `elsewhere` names lines where it does
        /// occur outside the body (headline, furniture); `nearMiss` a line
        /// where it matches but for case, quote marks, dashes or spacing.
        case notFound(elsewhere: [Int], nearMiss: Int?)
        /// Found on each of these lines: a prefix or suffix must tell them apart.
        case ambiguous(lines: [Int])
        case empty
    }

    public static func resolve(exact: String, prefix: String? = nil, suffix: String? = nil, in source: Source) -> Outcome {
        let needle = Array(exact.utf8)
        guard !needle.isEmpty else { return .empty }
        let display = source.display
        let prefixBytes = prefix.map { Array($0.utf8) } ?? []
        let suffixBytes = suffix.map { Array($0.utf8) } ?? []

        var inBody: [Range<Int>] = []
        var outside: [Int] = []
        for start in occurrences(of: needle, in: display.bytes) {
            let end = start + needle.count
            guard hasPrefix(prefixBytes, endingAt: start, in: display.bytes),
                  hasSuffix(suffixBytes, startingAt: end, in: display.bytes) else { continue }
            let raw = display.rawRange(of: start..<end)
            if source.quotableRanges.contains(where: { $0.lowerBound <= raw.lowerBound && raw.upperBound <= $0.upperBound }) {
                inBody.append(raw)
            } else {
                outside.append(source.lines.line(containing: raw.lowerBound))
            }
        }
        switch inBody.count {
        case 1:
            let raw = inBody[0]
            return .resolved(range: raw, line: source.lines.line(containing: raw.lowerBound),
                             endLine: source.lines.line(containing: max(raw.lowerBound, raw.upperBound - 1)))
        case 0:
            return .notFound(elsewhere: outside, nearMiss: outside.isEmpty ? nearMissLine(exact, in: source) : nil)
        default:
            return .ambiguous(lines: inBody.map { source.lines.line(containing: $0.lowerBound) })
        }
    }

    /// Every start index of `needle` in `haystack`, overlapping ones included.
    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard needle.count <= haystack.count, !needle.isEmpty else { return [] }
        var found: [Int] = []
        // libc's memmem (vectorised): a byte-by-byte scan of each article for
        // each of its quotes was a tenth of loading a large corpus.
        haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                var from = 0
                while from + pin.count <= hay.count,
                      let hit = chronicle_find(hay.baseAddress! + from, hay.count - from, pin.baseAddress!, pin.count) {
                    let at = hay.baseAddress!.distance(to: UnsafeRawPointer(hit))
                    found.append(at)
                    from = at + 1
                }
            }
        }
        return found
    }

    private static func hasPrefix(_ prefix: [UInt8], endingAt end: Int, in bytes: [UInt8]) -> Bool {
        prefix.isEmpty || (end >= prefix.count && bytes[(end - prefix.count)..<end].elementsEqual(prefix))
    }

    private static func hasSuffix(_ suffix: [UInt8], startingAt start: Int, in bytes: [UInt8]) -> Bool {
        suffix.isEmpty || (start + suffix.count <= bytes.count && bytes[start..<(start + suffix.count)].elementsEqual(suffix))
    }

    /// A body line holding the quote once case, quote marks, dashes and runs
    /// of spaces are folded: the usual reasons a hand-typed quote misses.
    static func nearMissLine(_ exact: String, in source: Source) -> Int? {
        // Compared as UTF-8 bytes: Foundation's String.contains traps on
        // some strings holding NULs (found by fuzzing).
        let needle = Array(fold(exact).utf8)
        guard !needle.isEmpty else { return nil }
        for span in source.body {
            for line in span where line <= source.lines.lineCount && source.isBody(line: line) {
                if !occurrences(of: needle, in: Array(fold(source.displayLine(line)).utf8)).isEmpty { return line }
            }
        }
        return nil
    }

    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.lowercased().unicodeScalars {
            let mapped: Unicode.Scalar
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}", "`": mapped = "'"
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}": mapped = "\""
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": mapped = "-"
            case " ", "\t", "\u{00A0}": mapped = " "
            default: mapped = scalar
            }
            if mapped == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            out.append(mapped)
        }
        return String(out)
    }
}
