/// W3C Web Annotations (www.w3.org/TR/annotation-model), as JSON-LD: an
/// AnnotationCollection with one annotation per citation. Its target is
/// the passage in the source, by a TextQuoteSelector (exact, prefix,
/// suffix) and a TextPositionSelector; its body is the event. Ids are
/// fragments, as the HTML export's: "#passage-ID-N" for an annotation,
/// "#event-ID" for its event.
///
/// Positions count Unicode code points of the article's text, as the
/// standard says, not UTF-8 bytes (Chronicle's offsets) nor UTF-16 units
/// (JavaScript's): the text is the article with its leftover inline markup
/// removed, which is what Chronicle matches quotes against and what the
/// standard asks selectors to use. The selectors hold the article's exact
/// text (JSON escapes its controls); the body, shown to readers, is made
/// readable like every other export.
enum AnnotationExport {
    static let context = "http://www.w3.org/ns/anno.jsonld"
    /// Characters of context either side of a quote.
    static let contextLength = 32

    struct Collection: Encodable {
        let context = AnnotationExport.context
        let id = "#chronology"
        let type = "AnnotationCollection"
        let label: String
        let total: Int
        let first: Page

        enum CodingKeys: String, CodingKey { case context = "@context", id, type, label, total, first }
    }

    struct Page: Encodable {
        let id = "#chronology-page-1"
        let type = "AnnotationPage"
        let items: [Annotation]
    }

    struct Annotation: Encodable {
        let id: String
        let type = "Annotation"
        let motivation = "describing"
        let body: [Body]
        let target: Target
    }

    struct Body: Encodable {
        let id: String?
        let type = "TextualBody"
        let purpose: String
        let format = "text/plain"
        let value: String
    }

    struct Target: Encodable {
        /// The article's web address, or its file (a reference relative to
        /// the corpus directory) when it has none.
        let source: String
        /// When the source is a web address: the copy the positions count in.
        let state: State?
        let selector: [Selector]
    }

    struct State: Encodable {
        let type = "TimeState"
        let cached: String
    }

    struct Selector: Encodable {
        let type: String
        let exact: String?
        let prefix: String?
        let suffix: String?
        let start: Int?
        let end: Int?
    }

    static func render(_ corpus: Corpus, events: [Event]) throws -> String {
        let cited = events.map { ($0, ExportedPassage.of($0, in: corpus)) }
        let positions = CodePointPositions(cited.flatMap(\.1))
        var items: [Annotation] = []
        for (event, passages) in cited {
            let date = ExportDate(event.date)
            let description = date.display + ": " + event.title + (event.summary.map { ". " + $0 } ?? "")
            var body = [Body(id: "#event-" + ExportText.line(event.id), purpose: "describing", value: ExportText.line(description))]
            body += event.tags.map { Body(id: nil, purpose: "tagging", value: ExportText.line($0)) }
            for passage in passages {
                let source = passage.source
                let found = positions.find(passage)
                let href = passage.link?.href
                let quote = Selector(type: "TextQuoteSelector", exact: found.text, prefix: found.prefix, suffix: found.suffix,
                                     start: nil, end: nil)
                let position = Selector(type: "TextPositionSelector", exact: nil, prefix: nil, suffix: nil,
                                        start: found.start, end: found.end)
                let file = WebLink.encoded(source.file)
                let target = Target(source: href ?? file, state: href == nil ? nil : State(cached: file), selector: [quote, position])
                items.append(Annotation(id: "#passage-\(ExportText.line(event.id))-\(passage.number)", body: body, target: target))
            }
        }
        return try ExportJSON.encode(Collection(label: ExportText.line(corpus.title ?? "Chronology"), total: items.count,
                                                first: Page(items: items)))
    }
}

/// Where passages lie in their articles' display text, in code points.
/// Each article is counted once, in one walk over the ends of every
/// passage cited in it.
struct CodePointPositions {
    struct Found {
        let start: Int
        let end: Int
        let text: String
        let prefix: String
        let suffix: String
    }

    /// For each source, the code point index at each display byte offset
    /// that starts or ends a passage.
    private var index: [String: [Int: Int]] = [:]

    init(_ passages: [ExportedPassage]) {
        var wanted: [String: (source: Source, offsets: Set<Int>)] = [:]
        for passage in passages {
            let (lo, hi) = Self.displayRange(passage)
            wanted[passage.source.id, default: (passage.source, [])].offsets.formUnion([lo, hi])
        }
        for (id, (source, offsets)) in wanted {
            let bytes = source.display.bytes
            var at = 0, count = 0, table: [Int: Int] = [:]
            // Each piece decoded as the whole text is (invalid bytes as
            // U+FFFD): a passage's ends are where code points start.
            for offset in offsets.sorted() {
                count += String(decoding: bytes[at..<offset], as: UTF8.self).unicodeScalars.count
                at = offset
                table[offset] = count
            }
            index[id] = table
        }
    }

    static func displayRange(_ passage: ExportedPassage) -> (Int, Int) {
        let display = passage.source.display, raw = passage.citation.passage.range
        let lo = display.displayIndex(atOrAfterRaw: raw.lowerBound)
        return (lo, max(lo, display.displayIndex(atOrAfterRaw: raw.upperBound)))
    }

    func find(_ passage: ExportedPassage) -> Found {
        let (lo, hi) = Self.displayRange(passage)
        let bytes = passage.source.display.bytes
        let table = index[passage.source.id] ?? [:]
        // A window of bytes wide enough for the context's code points even
        // when it starts or stops inside one (whose remains are dropped).
        let window = AnnotationExport.contextLength * 4 + 3
        let before = String(decoding: bytes[max(0, lo - window)..<lo], as: UTF8.self).unicodeScalars.suffix(AnnotationExport.contextLength)
        let after = String(decoding: bytes[hi..<min(bytes.count, hi + window)], as: UTF8.self).unicodeScalars.prefix(AnnotationExport.contextLength)
        return Found(start: table[lo] ?? 0, end: table[hi] ?? 0, text: String(decoding: bytes[lo..<hi], as: UTF8.self),
                     prefix: String(String.UnicodeScalarView(before)), suffix: String(String.UnicodeScalarView(after)))
    }
}
