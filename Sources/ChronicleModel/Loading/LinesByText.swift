/// `body` and `furniture` given by the article's words rather than line
/// numbers (`body: {from: "The family", until: "Related:"}`, `- from:
/// Explore`), so a corpus author need not count lines. Each text is found
/// as a quote is, exactly once, at load: `from` names the first line of the
/// range, `until` the line after its last.
extension CorpusReader {
    static let textRangeFields = ["from", "until"]

    /// The lines `from` and `until` of `piece` give, or nil with the error logged.
    func linesByText(_ piece: YAMLFields, lines: LineIndex, raw: [UInt8], path: String, context: String) -> ClosedRange<Int>? {
        let count = lines.lineCount
        guard count > 0 else {
            log.error(piece.location(piece.has("from") ? "from" : "until"), "\(context): \(path) is empty, so it has no lines to name")
            return nil
        }
        var first = 1, last = count
        if let text = piece.string("from") {
            guard let line = uniqueLine(text, key: "from", after: 0, piece: piece, lines: lines, raw: raw, path: path, context: context) else { return nil }
            first = line
        }
        if let text = piece.string("until") {
            guard let line = uniqueLine(text, key: "until", after: first, piece: piece, lines: lines, raw: raw, path: path, context: context) else { return nil }
            guard line > first else {
                log.error(piece.location("until"), "\(context): the `until` text \"\(text)\" is on line \(line), the first line of the range, which would leave it empty",
                          hint: "`until` names the line after the last one: give the words of a later line")
                return nil
            }
            last = line - 1
        }
        return first...last
    }

    /// The one line after line `after` that holds `text` (its raw bytes), or
    /// nil with an error that says where it is, or is nearly.
    func uniqueLine(_ text: String, key: String, after: Int, piece: YAMLFields, lines: LineIndex, raw: [UInt8], path: String, context: String) -> Int? {
        let needle = Array(text.utf8)
        let location = piece.location(key)
        func holds(_ line: Int, _ fold: (UInt8) -> UInt8) -> Bool {
            let content = lines.contentRange(ofLine: line)
            guard content.count >= needle.count, !needle.isEmpty else { return false }
            return (content.lowerBound...(content.upperBound - needle.count)).contains { start in
                needle.indices.allSatisfy { fold(raw[start + $0]) == fold(needle[$0]) }
            }
        }
        let searched = (after + 1)...max(after + 1, lines.lineCount)
        let found = lines.lineCount > after ? searched.filter { holds($0, { $0 }) } : []
        let afterWhat = after > 0 ? " after line \(after)" : ""
        switch found.count {
        case 1:
            return found[0]
        case 0:
            let lower: (UInt8) -> UInt8 = { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            let near = lines.lineCount > after ? searched.first { holds($0, lower) } : nil
            let hint = near.map { "line \($0) has these words with other capitals: copy them exactly" }
                ?? "copy the words exactly from a line of \(path), or give line numbers (`9-27`)"
            log.error(location, "\(context): the `\(key)` text \"\(text)\" is not in \(path)\(afterWhat)", hint: hint)
        default:
            log.error(location, "\(context): the `\(key)` text \"\(text)\" is on \(found.count) lines of \(path)\(afterWhat): \(found.map(String.init).joined(separator: ", "))",
                      hint: "give more of the line's words, so that they name one line, or give line numbers (`9-27`)")
        }
        return nil
    }
}
