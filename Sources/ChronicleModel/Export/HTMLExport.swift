/// The chronology as one self-contained HTML page: no request leaves it
/// (inline stylesheet, no images, fonts or scripts), and it reads the same
/// with JavaScript off, since it has none. The timeline under year headings,
/// each event's passages quoted in their sentences with the quoted words
/// marked, where the sources differ, the coverage table and the sources.
/// Every piece of corpus text is escaped (`ExportText.html`) and a link is
/// made only to a web address (`WebLink`).
enum HTMLExport {
    static func render(_ corpus: Corpus, events: [Event]) -> String {
        let title = ExportText.html(corpus.title ?? "Chronology")
        let cited = Set(events.flatMap(\.sourceIDs))
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(HTMLStyle.contentSecurityPolicy)">
            <meta name="referrer" content="no-referrer">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Chronicle">
            <title>\(title)</title>
            <style>\(HTMLStyle.css)</style>
            </head>
            <body>
            <header>
            <h1>\(title)</h1>

            """
        if let description = corpus.description { page += "<p>\(ExportText.html(description))</p>\n" }
        page += "<p class=\"muted\">\(Plural.count(events.count, "event")) from \(Plural.count(cited.count, "source")). "
            + "★ marks a principal event, ≠ an event whose sources differ; a date marked (inferred) is not printed in a "
            + "source but worked out from one. Each passage is shown in its sentence, the words cited marked.</p>\n"
        page += "<nav><a href=\"#timeline\">Timeline</a><a href=\"#coverage\">Coverage</a><a href=\"#sources\">Sources</a></nav>\n"
        page += "</header>\n<main>\n<section id=\"timeline\">\n"
        for group in events.groupedByYear() {
            page += "<h2>\(ExportText.html(group.heading))</h2>\n"
            for event in group.events { page += self.event(event, corpus: corpus) }
        }
        page += "</section>\n"
        // Past a page's width of columns the table cannot be read; the
        // sources list then names only the sources cited.
        let tabled = corpus.sources.count <= maximumCoverageColumns
        page += tabled ? coverage(corpus, events: events) : coverageLeftOut(corpus)
        page += sources(tabled ? corpus.sources : corpus.sources.filter { cited.contains($0.id) })
        page += "</main>\n</body>\n</html>\n"
        return page
    }

    /// Element ids (the annotations' too). The prefixes keep the kinds apart,
    /// and a passage's number, which ends its id, holds no dash, so no two
    /// passages' ids meet either.
    static func anchor(_ event: Event) -> String { ExportText.html("event-" + event.id) }
    static func anchor(_ event: Event, passage number: Int) -> String { ExportText.html("passage-\(event.id)-\(number)") }
    static func anchor(_ source: Source) -> String { ExportText.html("source-" + source.id) }

    static func event(_ event: Event, corpus: Corpus) -> String {
        let date = ExportDate(event.date)
        let differences = Disagreement.find(in: event, corpus: corpus)
        var html = "<article class=\"event\(event.spine ? " spine" : "")\" id=\"\(anchor(event))\">\n<h3>"
        html += "<span class=\"date\">\(ExportText.html(date.display))</span>"
        if event.spine { html += "<span class=\"spine-mark\" title=\"principal event\">★</span> " }
        html += "<bdi>\(ExportText.html(event.title))</bdi>"
        if !differences.isEmpty { html += " <span class=\"differ-mark\" title=\"the sources differ\">≠</span>" }
        html += "</h3>\n"
        if let summary = event.summary { html += "<p>\(ExportText.html(summary))</p>\n" }
        if let basis = event.date.basis { html += "<p class=\"basis\"><span class=\"label\">Date:</span> \(ExportText.html(basis))</p>\n" }
        var meta: [String] = []
        let actors = event.actors.map { corpus.actor($0)?.name ?? $0 }
        if !actors.isEmpty { meta.append("<span class=\"label\">Actors:</span> " + actors.map(ExportText.html).joined(separator: ", ")) }
        if !event.tags.isEmpty { meta.append("<span class=\"label\">Tags:</span> " + event.tags.map(ExportText.html).joined(separator: ", ")) }
        if !meta.isEmpty { html += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n" }
        let passages = ExportedPassage.of(event, in: corpus)
        html += "<ol class=\"passages\">\n"
        for passage in passages { html += self.passage(passage, event: event) }
        html += "</ol>\n"
        if !differences.isEmpty { html += self.differences(differences, corpus: corpus, event: event) }
        return html + "</article>\n"
    }

    /// The quote in its sentence, then who says it, when, and where.
    static func passage(_ passage: ExportedPassage, event: Event) -> String {
        let source = passage.source
        let language = source.language.map { " lang=\"\(ExportText.html($0))\"" } ?? ""
        let cite = passage.link?.href.map { " cite=\"\(ExportText.escapeHTML($0))\"" } ?? ""
        var html = "<li id=\"\(anchor(event, passage: passage.number))\"><blockquote dir=\"auto\"\(language)\(cite)><p>"
        html += ExportText.html(passage.before) + trailingSpace(passage.before)
        html += "<mark>\(ExportText.html(passage.quote))</mark>"
        html += leadingSpace(passage.after) + ExportText.html(passage.after)
        html += "</p></blockquote>\n<p class=\"credit\"><a href=\"#\(anchor(source))\"><bdi>\(ExportText.html(source.outlet))</bdi></a> · "
        html += source.title.map { "<cite>\(ExportText.html($0))</cite>" } ?? "untitled"
        html += " · \(ExportText.html(source.published.displayText))"
        html += link(passage.link, source: source)
        html += " · line \(passage.citation.passage.line)</p></li>\n"
        return html
    }

    /// `ExportText.html` drops the spaces around a text; the space between
    /// the quote and the rest of its sentence is put back.
    static func trailingSpace(_ text: String) -> String { text.last?.isWhitespace == true ? " " : "" }
    static func leadingSpace(_ text: String) -> String { text.first?.isWhitespace == true ? " " : "" }

    /// " · <a href>host</a>" for a web address, the address as text for any
    /// other, the file for none.
    static func link(_ link: WebLink?, source: Source) -> String {
        guard let link else { return " · file <code>\(ExportText.html(source.file))</code>" }
        guard let href = link.href else { return " · <code>\(ExportText.html(link.text))</code>" }
        return " · <a href=\"\(ExportText.escapeHTML(href))\" rel=\"noopener noreferrer\">\(ExportText.html(link.host ?? "link"))</a>"
    }

    static func differences(_ differences: [Disagreement], corpus: Corpus, event: Event) -> String {
        var html = "<div class=\"differ\"><p><span class=\"label\">≠ The sources differ</span></p>\n<ul>\n"
        for difference in differences {
            let readings = difference.readings.map { reading in
                let outlets = reading.sourceIDs.compactMap { corpus.source($0)?.outlet }.map(ExportText.html).joined(separator: ", ")
                let numbers = reading.citations.map { "<a href=\"#\(anchor(event, passage: $0 + 1))\">[\($0 + 1)]</a>" }.joined(separator: " ")
                return "\(ExportText.html(reading.text)) (\(outlets) \(numbers))"
            }
            let found = difference.recorded ? "" : " <span class=\"muted\">(found in the passages)</span>"
            html += "<li><strong>\(ExportText.html(difference.subject))</strong>, \(difference.kind.rawValue)\(found): \(readings.joined(separator: " vs "))</li>\n"
        }
        return html + "</ul></div>\n"
    }

    /// The most sources the coverage table gives a column each: a printed
    /// page holds about as many one-character columns beside the titles.
    static let maximumCoverageColumns = 40

    static func coverageLeftOut(_ corpus: Corpus) -> String {
        "<section id=\"coverage\">\n<h2>Coverage</h2>\n<p class=\"legend\">The corpus has \(corpus.sources.count) sources, too many "
            + "for a column each; <code>chronicle coverage --format csv</code> writes the whole table.</p>\n</section>\n"
    }

    /// Events by sources: who cites each event, who could have and does
    /// not, and who wrote before it happened. Columns are numbered as the
    /// sources' list below.
    static func coverage(_ corpus: Corpus, events: [Event]) -> String {
        var html = "<section id=\"coverage\">\n<h2>Coverage</h2>\n"
        html += "<p class=\"legend\">● cited; ○ published on or after the event, not cited; · published before the event. "
            + "Columns are numbered as the sources below.</p>\n"
        html += "<table class=\"coverage\">\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Event</th>"
        for (number, source) in corpus.sources.enumerated() {
            let name = ExportText.html(source.outlet + ", " + source.published.displayText)
            html += "<th scope=\"col\" class=\"mark\" title=\"\(name)\"><a href=\"#\(anchor(source))\">\(number + 1)</a></th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for event in events {
            html += "<tr><td>\(ExportText.html(ExportDate(event.date).display))</td>"
            html += "<th scope=\"row\"><a href=\"#\(anchor(event))\"><bdi>\(ExportText.html(event.title))</bdi></a></th>"
            for source in corpus.sources {
                let mark = Coverage.mark(event, source)
                let words: String
                switch mark {
                case .cited: words = "cited"
                case .notCited: words = "published on or after the event, not cited"
                case .notYetPublished: words = "published before the event"
                }
                html += "<td class=\"\(mark == .cited ? "mark cited" : "mark")\" title=\"\(words)\">\(mark.symbol)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    static func sources(_ sources: [Source]) -> String {
        var html = "<section id=\"sources\">\n<h2>Sources</h2>\n<ol class=\"sources\">\n"
        for source in sources {
            html += "<li id=\"\(anchor(source))\"><bdi>\(ExportText.html(source.outlet))</bdi> · "
            html += source.title.map { "<cite>\(ExportText.html($0))</cite>" } ?? "untitled"
            html += " · \(ExportText.html(source.published.displayText))"
            if let byline = source.byline { html += " · by \(ExportText.html(byline))" }
            if let agency = source.agency { html += " · \(ExportText.html(agency))" }
            if let link = WebLink(source.url) {
                html += link.href.map { " · <a href=\"\(ExportText.escapeHTML($0))\" rel=\"noopener noreferrer\">\(ExportText.html(link.text))</a>" }
                    ?? " · <code>\(ExportText.html(link.text))</code>"
            }
            html += "<br><span class=\"muted\">file <code>\(ExportText.html(source.file))</code>, SHA-256 <code>\(source.sha256)</code></span></li>\n"
        }
        return html + "</ol>\n</section>\n"
    }
}
