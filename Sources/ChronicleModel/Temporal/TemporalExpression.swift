/// One temporal expression of an article, as the finder reads it: its
/// exact bytes, what kind of time it names, its value as EDTF at the
/// precision its words give and no more, and how that value was worked out.
/// An expression the rules cannot resolve keeps its text, has no value and
/// says why; it is never given a made-up date.
public struct TemporalExpression: Sendable, Hashable {
    /// The kinds of the gold set (Tests/Fixtures/timex-gold.json), after TimeML.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Names a day, month, year, decade or part of a year ("2003", "the
        /// 1980s", "March 2024", "April 17").
        case date
        /// Needs an anchor for its value: the article's date ("last month",
        /// "on Friday", "in December") or an earlier date of the paragraph
        /// ("the months that followed").
        case relative
        /// "since 2003": from a date on.
        case anchor
        /// A length of time ("20 years", "decade-long", "for years"), with a
        /// value only when a date in its sentence fixes one end.
        case duration
        /// A time with no value: "now", "currently", "recent", "the near future".
        case vague
    }

    /// How the value was reached.
    public enum Basis: String, Sendable, Hashable {
        /// Printed as such ("17 April 2025", "March 2024", "2003").
        case printed
        /// Worked out from the article's own date ("last month", "on Friday", "April 17").
        case articleDate = "article_date"
        /// Worked out from another date of the text ("the months that
        /// followed" March 2024, "20 years" before August 2021).
        case context
        /// No value: vague, a length alone, or not resolvable.
        case none
    }

    /// Byte range: raw bytes of the article file for `find(in: Source)`,
    /// bytes of the string for `find(in: String)`.
    public let range: Range<Int>
    /// The words as a reader sees them (inline markup hidden).
    public let text: String
    public let kind: Kind
    /// EDTF, at the words' precision; nil when there is none.
    public let value: PartialDate?
    /// A length of time in ISO 8601, as TimeML writes it (P20Y; PXY for an
    /// unspecified number of years).
    public let duration: String?
    public let basis: Basis
    /// The value rests on a date that is itself inferred (an article date
    /// the manifest marks inferred).
    public let inferred: Bool
    /// How it was resolved, in a sentence: "“last month” in an article of
    /// 2 May 2025"; for one with no value, why.
    public let resolution: String

    /// Whether the value is worked out rather than printed: what the event
    /// form marks inferred.
    public var isWorkedOut: Bool { basis == .articleDate || basis == .context || inferred }

    /// Whether the expression states when something happened: a date, a
    /// relative date or an anchor (resolved or not), or a duration its
    /// sentence places. Vague words and lengths alone state none.
    public var statesDate: Bool {
        switch kind {
        case .date, .relative, .anchor: return true
        case .duration: return value != nil
        case .vague: return false
        }
    }

    /// An expression the rules found but could not give a value.
    public var isUnresolved: Bool { value == nil && (kind == .date || kind == .relative || kind == .anchor) }

    public init(range: Range<Int>, text: String, kind: Kind, value: PartialDate?, duration: String?, basis: Basis,
                inferred: Bool, resolution: String) {
        self.range = range
        self.text = text
        self.kind = kind
        self.value = value
        self.duration = duration
        self.basis = basis
        self.inferred = inferred
        self.resolution = resolution
    }

    /// The same expression at another byte range (display to raw offsets).
    func moved(to range: Range<Int>) -> TemporalExpression {
        TemporalExpression(range: range, text: text, kind: kind, value: value, duration: duration, basis: basis,
                           inferred: inferred, resolution: resolution)
    }
}

extension TemporalExpression {
    /// Where a date came from, for a reader: "“last month” in TRT Global,
    /// 2 May 2025"; a date printed in full needs no article date ("“March
    /// 2024” in The Moscow Times").
    public func statedIn(_ source: Source) -> String {
        var text = "“\(self.text)” in \(source.outlet)"
        if basis == .articleDate || inferred {
            text += ", " + source.published.date.displayText + (source.published.inferred ? " (inferred)" : "")
        }
        return text
    }
}
