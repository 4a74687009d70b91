import ChronicleModel
import Foundation

/// A gold set of temporal expressions (Tests/Fixtures/timex-gold.json):
/// every expression of some articles' bodies, with its bytes and value.
public struct TimexGold: Decodable, Sendable {
    public struct Article: Decodable, Sendable {
        public let source: String
        public let expressions: [Expression]
    }

    public struct Expression: Decodable, Sendable {
        public let start: Int
        public let end: Int
        public let text: String
        public let line: Int
        public let kind: String
        /// EDTF; nil for no value.
        public let value: String?
        public let inferred: Bool
    }

    public let articles: [Article]

    /// The gold set in a JSON file, or why it cannot be read (file, what, how to fix).
    public static func read(_ url: URL) throws -> TimexGold {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TimexEvaluation.Failure("\(url.path): cannot be read (\(error.localizedDescription)); "
                                           + "run from the package root or give --gold FILE")
        }
        do { return try JSONDecoder().decode(TimexGold.self, from: data) } catch {
            throw TimexEvaluation.Failure("\(url.path): not a gold set of temporal expressions (\(error)); "
                                           + "see Tests/Fixtures/timex-gold.json for the form")
        }
    }
}

/// The finder scored against a gold set as TempEval-3 scores systems:
/// precision, recall and F1 of extents matched exactly (strict) and by any
/// overlap (relaxed), each gold and found expression matched at most once;
/// the accuracy of values and kinds over the relaxed matches.
public struct TimexEvaluation: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// Something the finder did not do as the gold set has it.
    public struct Miss: Sendable, CustomStringConvertible {
        public enum What: String, Sendable { case missed, spurious, extent, value, kind }
        public let what: What
        public let source: String
        public let line: Int
        public let gold: String?
        public let found: String?

        public var description: String {
            switch what {
            case .missed: return "\(source) line \(line): missed \(gold ?? "")"
            case .spurious: return "\(source) line \(line): found \(found ?? ""), not in the gold set"
            case .extent: return "\(source) line \(line): extent \(found ?? "") for the gold set's \(gold ?? "")"
            case .value: return "\(source) line \(line): value \(found ?? "") for the gold set's \(gold ?? "")"
            case .kind: return "\(source) line \(line): kind \(found ?? "") for the gold set's \(gold ?? "")"
            }
        }
    }

    public var gold = 0, found = 0, strict = 0, relaxed = 0, values = 0, kinds = 0, inferred = 0
    public var misses: [Miss] = []

    static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
    static func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }

    public var strictPrecision: Double { Self.ratio(strict, found) }
    public var strictRecall: Double { Self.ratio(strict, gold) }
    public var strictF1: Double { Self.f1(strictPrecision, strictRecall) }
    public var relaxedPrecision: Double { Self.ratio(relaxed, found) }
    public var relaxedRecall: Double { Self.ratio(relaxed, gold) }
    public var relaxedF1: Double { Self.f1(relaxedPrecision, relaxedRecall) }
    /// Values equal to the gold's (no value counts as a value) over the relaxed matches.
    public var valueAccuracy: Double { Self.ratio(values, relaxed) }
    public var kindAccuracy: Double { Self.ratio(kinds, relaxed) }

    /// The finder over each gold article of `corpus`.
    public init(gold set: TimexGold, corpus: Corpus) throws {
        for article in set.articles {
            guard let source = corpus.source(article.source) else {
                throw Failure("the gold set names source `\(article.source)`, which the corpus does not have")
            }
            score(article.expressions, TemporalFinder.find(in: source), in: source)
        }
    }

    mutating func score(_ golds: [TimexGold.Expression], _ founds: [TemporalExpression], in source: Source) {
        gold += golds.count
        found += founds.count
        var taken = Set<Int>()
        func quoted(_ text: String, _ kind: String, _ value: String?) -> String { "“\(text)” (\(kind), \(value ?? "no value"))" }
        for g in golds {
            let range = g.start..<g.end
            // The exact extent first, else the one overlapping most.
            let candidates = founds.indices.filter { !taken.contains($0) && founds[$0].range.overlaps(range) }
            guard let best = candidates.first(where: { founds[$0].range == range })
                    ?? candidates.max(by: { founds[$0].range.clamped(to: range).count < founds[$1].range.clamped(to: range).count }) else {
                misses.append(Miss(what: .missed, source: source.id, line: g.line, gold: quoted(g.text, g.kind, g.value), found: nil))
                continue
            }
            taken.insert(best)
            let f = founds[best]
            relaxed += 1
            if f.range == range { strict += 1 } else {
                misses.append(Miss(what: .extent, source: source.id, line: g.line, gold: "“\(g.text)”", found: "“\(f.text)”"))
            }
            if Self.sameValue(g.value, f.value) { values += 1 } else {
                misses.append(Miss(what: .value, source: source.id, line: g.line, gold: quoted(g.text, g.kind, g.value),
                                   found: f.value?.edtf ?? "no value"))
            }
            if g.kind == f.kind.rawValue { kinds += 1 } else {
                misses.append(Miss(what: .kind, source: source.id, line: g.line, gold: "“\(g.text)” \(g.kind)", found: f.kind.rawValue))
            }
            if g.inferred == f.inferred { inferred += 1 }
        }
        for index in founds.indices where !taken.contains(index) {
            let f = founds[index]
            misses.append(Miss(what: .spurious, source: source.id, line: source.lines.line(containing: f.range.lowerBound), gold: nil,
                               found: quoted(f.text, f.kind.rawValue, f.value?.edtf)))
        }
    }

    /// EDTF values compared as dates (their ends), so spelling cannot differ.
    static func sameValue(_ gold: String?, _ found: PartialDate?) -> Bool {
        guard let gold else { return found == nil }
        guard let found, let date = try? PartialDate(parsing: gold) else { return false }
        return date.start == found.start && date.end == found.end
    }

    /// The figures and every miss, as `chronicle bench timex` prints them.
    public var report: String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        var out = "Temporal expressions: \(gold) in the gold set, \(found) found\n\n"
        out += "                 precision  recall     F1\n"
        out += "strict extent        \(f(strictPrecision))   \(f(strictRecall))  \(f(strictF1))\n"
        out += "relaxed extent       \(f(relaxedPrecision))   \(f(relaxedRecall))  \(f(relaxedF1))\n\n"
        out += "over the \(relaxed) relaxed matches: value accuracy \(f(valueAccuracy)), kind accuracy \(f(kindAccuracy)), "
            + "inferred flag \(f(Self.ratio(inferred, relaxed)))\n"
        out += "\n\(misses.count) miss\(misses.count == 1 ? "" : "es")\(misses.isEmpty ? "" : ":")\n"
        for miss in misses { out += "  " + SafeText.visible(miss.description) + "\n" }
        return out
    }
}
