import Foundation

/// The date the event form offers for a new event from a passage: the date
/// its sentence prints, at the precision printed; else the article's own
/// date, offered as inferred. Either says how it was found.
public struct DateOffer: Sendable, Hashable {
    public let edtf: String
    public let inferred: Bool
    public let basis: String?

    public init(for range: Range<Int>, in source: Source) {
        let sentence = source.sentenceRange(around: range)
        let quoted = source.displayText(range), around = source.displayText(sentence)
        if let (edtf, words) = Self.printed(in: quoted) {
            self.init(edtf: edtf, inferred: false, basis: nil)
            _ = words
        } else if let (edtf, words) = Self.printed(in: around) {
            self.init(edtf: edtf, inferred: true, basis: "“\(words)” in the sentence of the quote (\(source.outlet), line \(source.lines.line(containing: range.lowerBound)))")
        } else {
            self.init(edtf: source.published.date.edtf, inferred: true,
                      basis: "the date of the \(source.outlet) article (\(source.published.date.displayText)); the passage prints none")
        }
    }

    init(edtf: String, inferred: Bool, basis: String?) {
        self.edtf = edtf
        self.inferred = inferred
        self.basis = basis
    }

    /// A date a text prints in full ("17 April 2025", "April 17, 2025",
    /// "2025-04-17"), as a month ("March 2024") or as a year ("in 2003").
    static func printed(in text: String) -> (String, String)? {
        if let day = ArticleProposal.printedDate(in: text) { return day }
        let ns = text as NSString
        if let regex = try? NSRegularExpression(pattern: #"\b([A-Z][a-z]{2,8}) (\d{4})\b"#),
           let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
           let month = ArticleProposal.monthNumber(ns.substring(with: match.range(at: 1))),
           let year = Int(ns.substring(with: match.range(at: 2))), (1000...2999).contains(year) {
            return (String(format: "%04d-%02d", year, month), ns.substring(with: match.range))
        }
        if let regex = try? NSRegularExpression(pattern: #"\b(?:in|since|by|from) ((?:1[0-9]|20)\d\d)\b"#),
           let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) {
            return (ns.substring(with: match.range(at: 1)), ns.substring(with: match.range))
        }
        return nil
    }
}
