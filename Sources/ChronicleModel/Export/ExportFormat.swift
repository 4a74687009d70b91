import Foundation

/// The formats `chronicle export` writes: documents to publish (Markdown,
/// HTML), a timeline to embed (TimelineJS) and data to analyse (CSV, Web
/// Annotations). Each is a pure function of the corpus and the events
/// chosen, one file per format in this folder.
public enum ExportFormat: String, CaseIterable, Sendable {
    case markdown, html, timelinejs, csv, annotations

    /// The file name extension a file of this format usually has.
    public var fileExtension: String {
        switch self {
        case .markdown: return "md"
        case .html: return "html"
        case .timelinejs: return "json"
        case .csv: return "csv"
        case .annotations: return "jsonld"
        }
    }

    /// The chronology of `events` (from `corpus`, in timeline order) in
    /// this format, ending with a newline.
    public func render(_ corpus: Corpus, events: [Event]) throws -> String {
        switch self {
        case .markdown: return MarkdownExport.render(corpus, events: events)
        case .html: return HTMLExport.render(corpus, events: events)
        case .timelinejs: return try TimelineJSExport.render(corpus, events: events)
        case .csv: return CSVExport.render(corpus, events: events)
        case .annotations: return try AnnotationExport.render(corpus, events: events)
        }
    }
}

/// JSON for the exports: `MachineJSON` (every control and format
/// character escaped), ending with a newline.
enum ExportJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        try MachineJSON.encode(value) + "\n"
    }
}
