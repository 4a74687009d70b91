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
        let line = "\(source.outlet), line \(source.lines.line(containing: range.lowerBound))"
        let published = source.published.date
        if let (edtf, words) = Self.printed(in: quoted) {
            self.init(edtf: edtf, inferred: false, basis: nil)
            _ = words
        } else if let (edtf, words) = Self.relativeSeason(in: quoted, published: published) {
            self.init(edtf: edtf, inferred: true, basis: "“\(words)” in an article of \(published.displayText) (\(line))")
        } else if let (edtf, words) = Self.printed(in: around) {
            self.init(edtf: edtf, inferred: true, basis: "“\(words)” in the sentence of the quote (\(line))")
        } else if let (edtf, words) = Self.relativeSeason(in: around, published: published) {
            self.init(edtf: edtf, inferred: true, basis: "“\(words)” in the sentence of the quote, in an article of \(published.displayText) (\(line))")
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
    /// "2025-04-17"), as a month ("March 2024"), as a part of a year
    /// ("summer 2024", "early 2024", "the first quarter of 2024") or as a
    /// year ("in 2003").
    static func printed(in text: String) -> (String, String)? {
        if let day = ArticleProposal.printedDate(in: text) { return day }
        let ns = text as NSString
        if let regex = try? NSRegularExpression(pattern: #"\b([A-Z][a-z]{2,8}) (\d{4})\b"#),
           let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
           let month = ArticleProposal.monthNumber(ns.substring(with: match.range(at: 1))),
           let year = Int(ns.substring(with: match.range(at: 2))), (1000...2999).contains(year) {
            return (String(format: "%04d-%02d", year, month), ns.substring(with: match.range))
        }
        if let part = partOfYear(in: text) { return part }
        if let regex = try? NSRegularExpression(pattern: #"\b(?:in|since|by|from) ((?:1[0-9]|20)\d\d)\b"#),
           let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) {
            return (ns.substring(with: match.range(at: 1)), ns.substring(with: match.range))
        }
        return nil
    }

    /// The parts of a year news names, with the EDTF code of each (a
    /// season names no hemisphere; early, mid and late are thirds).
    static let partsOfYear: [(pattern: String, codes: [String: Int])] = [
        (#"\b(spring|summer|autumn|fall|winter),? (?:of )?(\d{4})\b"#, ["spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24]),
        (#"\b(early|mid|late)[- ](\d{4})\b"#, ["early": 37, "mid": 38, "late": 39]),
        (#"\b(first|second|third|fourth) quarter of (\d{4})\b"#, ["first": 33, "second": 34, "third": 35, "fourth": 36]),
        (#"\bQ([1-4]) (\d{4})\b"#, ["1": 33, "2": 34, "3": 35, "4": 36]),
        (#"\b(first|second) half of (\d{4})\b"#, ["first": 40, "second": 41]),
        (#"\bH([12]) (\d{4})\b"#, ["1": 40, "2": 41]),
    ]

    /// The first part of a year the text names, as EDTF (`2024-22`), and the words.
    static func partOfYear(in text: String) -> (String, String)? {
        let ns = text as NSString
        var best: (location: Int, edtf: String, words: String)?
        for (pattern, codes) in partsOfYear {
            guard let regex = try? NSRegularExpression(pattern: pattern, options: .caseInsensitive),
                  let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
                  let part = codes[ns.substring(with: match.range(at: 1)).lowercased()],
                  let year = Int(ns.substring(with: match.range(at: 2))), (1000...2999).contains(year),
                  best.map({ match.range.location < $0.location }) ?? true else { continue }
            best = (match.range.location, "\(year)-\(part)", ns.substring(with: match.range))
        }
        return best.map { ($0.edtf, $0.words) }
    }

    /// A season named against the article's date, as EDTF: "last summer"
    /// (the latest summer over before the article: in July 2024, summer
    /// 2023), or "this summer" when the article is within one. Nil when
    /// the article's date is too coarse to tell which.
    static func relativeSeason(in text: String, published: PartialDate) -> (String, String)? {
        let ns = text as NSString
        guard let regex = try? NSRegularExpression(pattern: #"\b(last|this) (spring|summer|autumn|fall|winter)\b"#, options: .caseInsensitive),
              let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
              let season = PartialDate.SubYear.season(named: ns.substring(with: match.range(at: 2))),
              let first = published.earliestDay, let last = published.latestDay else { return nil }
        let years: [Int?]
        if ns.substring(with: match.range(at: 1)).lowercased() == "last" {
            years = [first, last].map { season.yearOfLatest(endedBefore: $0) }
        } else {
            // The season the article's every possible day lies in.
            years = [first, last].map { day in
                let year = season.yearOfLatest(endedBefore: day) + 1
                let date = try? PartialDate(year: year, season)
                return date.flatMap { $0.earliestDay }.map { $0 <= day } == true ? year : nil
            }
        }
        guard let year = years[0], years[1] == year, let date = try? PartialDate(year: year, season) else { return nil }
        return (date.edtf, ns.substring(with: match.range))
    }
}
