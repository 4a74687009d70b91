/// TimelineJS3's JSON (timeline.knightlab.com/docs/json-format.html): a
/// title slide and one slide per event. TimelineJS has no field for
/// sources, so each event's quotes go into its text as HTML, with outlet,
/// date and link. TimelineJS puts headline, text, date and group into the
/// page as HTML, so every piece of corpus text in them is escaped.
enum TimelineJSExport {
    /// A date object: the year always, month and day only when known.
    struct DateObject: Encodable {
        let year: Int
        let month: Int?
        let day: Int?
    }

    struct Text: Encodable {
        let headline: String
        let text: String
    }

    struct Slide: Encodable {
        let startDate: DateObject
        let endDate: DateObject?
        let displayDate: String?
        let text: Text
        let group: String?
        let uniqueID: String
        /// Off: the text's links are made here, and an address that is not
        /// a web address must stay text.
        let autolink: Bool

        enum CodingKeys: String, CodingKey {
            case startDate = "start_date", endDate = "end_date", displayDate = "display_date", text, group
            case uniqueID = "unique_id", autolink
        }
    }

    struct TitleSlide: Encodable {
        let text: Text
    }

    struct Timeline: Encodable {
        let title: TitleSlide
        let events: [Slide]
    }

    static let principalGroup = "Principal events"
    static let otherGroup = "Other events"

    static func render(_ corpus: Corpus, events: [Event]) throws -> String {
        let sources = Set(events.flatMap(\.sourceIDs)).count
        var intro = corpus.description.map { "<p>\(ExportText.html($0))</p>" } ?? ""
        intro += "<p>\(Plural.count(events.count, "event")) from \(Plural.count(sources, "source")), "
            + "each with the passages it cites.</p>"
        let title = TitleSlide(text: Text(headline: ExportText.html(corpus.title ?? "Chronology"), text: intro))
        // Groups only tell principal events from the rest when there are both.
        let grouped = events.contains(where: \.spine) && events.contains(where: { !$0.spine })
        let slides = events.compactMap { event -> Slide? in
            let date = ExportDate(event.date)
            guard let start = date.start else { return nil }
            return Slide(startDate: object(start), endDate: date.end.map(object),
                         displayDate: date.isPlainDay ? nil : ExportText.html(date.display),
                         text: Text(headline: ExportText.html(event.title), text: text(event, corpus: corpus)),
                         group: grouped ? (event.spine ? principalGroup : otherGroup) : nil,
                         uniqueID: ExportText.line(event.id), autolink: false)
        }
        return try ExportJSON.encode(Timeline(title: title, events: slides))
    }

    static func object(_ parts: ExportDate.Parts) -> DateObject {
        DateObject(year: parts.year, month: parts.month, day: parts.day)
    }

    /// The summary, how the date is known, and each quote with its source.
    static func text(_ event: Event, corpus: Corpus) -> String {
        var html = event.summary.map { "<p>\(ExportText.html($0))</p>" } ?? ""
        if let basis = event.date.basis { html += "<p><em>Date:</em> \(ExportText.html(basis))</p>" }
        for passage in ExportedPassage.of(event, in: corpus) {
            let source = passage.source
            var credit = "— \(ExportText.html(source.outlet)), "
            credit += source.title.map { "<cite>\(ExportText.html($0))</cite>" } ?? "untitled"
            credit += ", \(ExportText.html(source.published.displayText))"
            if let link = passage.link {
                if let href = link.href {
                    credit += ", <a href=\"\(ExportText.escapeHTML(href))\">\(ExportText.html(link.host ?? "link"))</a>"
                } else {
                    credit += ", \(ExportText.html(link.text))"
                }
            } else {
                credit += ", file \(ExportText.html(source.file))"
            }
            html += "<blockquote><p>“\(ExportText.html(passage.quote))”</p><p>\(credit)</p></blockquote>"
        }
        return html
    }
}
