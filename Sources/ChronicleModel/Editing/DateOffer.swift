/// The date the event form offers for a new event from a passage: the date
/// the passage's own words resolve to (`TemporalFinder`), with how it was
/// resolved as the basis, inferred when worked out rather than printed;
/// else a date its sentence states, inferred; else the article's own date,
/// inferred. Each says how it was found.
public struct DateOffer: Sendable, Hashable {
    public let edtf: String
    public let inferred: Bool
    public let basis: String?

    public init(for range: Range<Int>, in source: Source) {
        let sentence = source.sentenceRange(around: range)
        let line = "\(source.outlet), line \(source.lines.line(containing: range.lowerBound))"
        let found = TemporalFinder.find(in: source, within: sentence.lowerBound..<max(sentence.upperBound, range.upperBound))
            .filter { $0.statesDate && $0.value != nil }
        let inQuote = found.first { range.lowerBound <= $0.range.lowerBound && $0.range.upperBound <= range.upperBound }
        if let expression = inQuote {
            self.init(expression, in: source)
        } else if let expression = found.first, let value = expression.value {
            let how = expression.isWorkedOut ? ": " + expression.resolution : ""
            self.init(edtf: value.edtf, inferred: true, basis: "“\(expression.text)” in the sentence of the quote\(how) (\(line))")
        } else {
            self.init(edtf: source.published.date.edtf, inferred: true,
                      basis: "the date of the \(source.outlet) article (\(source.published.date.displayText)); the passage prints none")
        }
    }

    /// The offer of one expression of `source` (a draft's): its value; a
    /// worked-out one inferred, saying how.
    public init(_ expression: TemporalExpression, in source: Source) {
        let line = "\(source.outlet), line \(source.lines.line(containing: expression.range.lowerBound))"
        guard let value = expression.value else {
            self.init(edtf: source.published.date.edtf, inferred: true,
                      basis: "the date of the \(source.outlet) article (\(source.published.date.displayText)); \(expression.resolution)")
            return
        }
        if expression.isWorkedOut {
            self.init(edtf: value.edtf, inferred: true, basis: expression.resolution + " (\(line))")
        } else {
            self.init(edtf: value.edtf, inferred: false, basis: nil)
        }
    }

    init(edtf: String, inferred: Bool, basis: String?) {
        self.edtf = edtf
        self.inferred = inferred
        self.basis = basis
    }
}
