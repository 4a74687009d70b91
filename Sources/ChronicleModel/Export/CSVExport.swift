/// One row per citation (RFC 4180: CRLF line ends, a header row, fields
/// holding a comma, quote or line break quoted, quotes doubled). Days are
/// written YYYY-MM-DD, which spreadsheets read as dates without guessing
/// the order of day and month; the EDTF date stays text beside them, and
/// the precision says how much of the earliest and latest day is known.
enum CSVExport {
    static let header = ["event", "date", "date_inferred", "earliest_day", "latest_day", "precision", "title", "actors",
                         "tags", "source", "outlet", "published", "published_inferred", "quote", "start_byte", "end_byte",
                         "url"]

    static func render(_ corpus: Corpus, events: [Event]) -> String {
        var rows = [header]
        for event in events {
            let date = ExportDate(event.date)
            let actors = event.actors.map { corpus.actor($0)?.name ?? $0 }.joined(separator: "; ")
            for passage in ExportedPassage.of(event, in: corpus) {
                let source = passage.source, range = passage.citation.passage.range
                rows.append([
                    text(event.id), date.edtf, String(date.inferred), date.earliestDay ?? "", date.latestDay ?? "", date.precision,
                    text(event.title), text(actors), text(event.tags.joined(separator: "; ")),
                    text(source.id), text(source.outlet), source.published.date.edtf, String(source.published.inferred),
                    text(passage.quote), String(range.lowerBound), String(range.upperBound), text(source.url ?? ""),
                ])
            }
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Corpus text for a cell: controls visible, one line, and never a
    /// formula. A spreadsheet runs a cell that starts with `=`, `+`, `-` or
    /// `@`; such a cell starts with an apostrophe instead (OWASP's advice).
    static func text(_ value: String) -> String {
        let line = ExportText.line(value)
        guard let first = line.first, "=+-@".contains(first) else { return line }
        return "'" + line
    }

    static func field(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
