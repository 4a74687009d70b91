/// What the browser puts on the clipboard: a passage, a line or a
/// selection with its citation, or an event with its passages. Corpus text
/// is untrusted here too: controls, bidirectional overrides and invisible
/// separators arrive visible, never as themselves.
public enum CopiedText {
    /// “quote” — Outlet, “Title”, 2 May 2025, https://…
    public static func passage(_ quote: String, from source: Source) -> String {
        "“" + ExportText.line(quote) + "” — " + citation(source)
    }

    /// Outlet, “Title”, 2 May 2025, https://… (or the article's file).
    public static func citation(_ source: Source) -> String {
        var parts = [ExportText.line(source.outlet)]
        parts.append(source.title.map { "“" + ExportText.line($0) + "”" } ?? "untitled")
        parts.append(ExportText.line(source.published.displayText))
        parts.append(WebLink(source.url)?.text ?? "file " + ExportText.line(source.file))
        return parts.joined(separator: ", ")
    }

    /// The event: its date and title, its summary, then each passage it
    /// cites with its citation, numbered as the event pane numbers them.
    public static func event(_ event: Event, in corpus: Corpus) -> String {
        let date = ExportDate(event.date)
        var blocks = [ExportText.line(date.display) + " — " + ExportText.line(event.title)]
        if let summary = event.summary { blocks.append(ExportText.line(summary)) }
        if let basis = event.date.basis { blocks.append("Date: " + ExportText.line(basis)) }
        blocks.append(ExportedPassage.of(event, in: corpus).map { "[\($0.number)] " + passage($0.quote, from: $0.source) }.joined(separator: "\n"))
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The event as Markdown, as `chronicle export --format markdown`
    /// writes one: a heading, the summary with a footnote per passage.
    public static func markdown(_ event: Event, in corpus: Corpus) -> String {
        let date = ExportDate(event.date)
        var blocks = ["### " + MarkdownText.escape(date.display) + " — " + MarkdownText.escape(event.title) + (event.spine ? " ★" : "")]
        let passages = ExportedPassage.of(event, in: corpus)
        let marks = passages.map { "[^\($0.number)]" }.joined()
        blocks.append(event.summary.map { MarkdownText.escape($0, startsParagraph: true) + marks } ?? "Sources:" + marks)
        if let basis = event.date.basis { blocks.append("*Date:* " + MarkdownText.escape(basis)) }
        for passage in passages { blocks.append("[^\(passage.number)]: " + MarkdownExport.footnoteText(passage)) }
        return blocks.joined(separator: "\n\n") + "\n"
    }
}
