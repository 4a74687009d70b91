import ChronicleModel
import Foundation
import XCTest

/// Programs the export tests open the exports with.
enum Tools {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// The program's path on PATH; a missing one fails the test, saying
    /// what to install.
    static func find(_ name: String, package: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        let message = "\(name) is not installed: `apt-get install -y \(package)` (bash .ci/run installs it)"
        XCTFail(message)
        throw Missing(description: message)
    }

    /// Runs a program with a deadline: past it the program is stopped and
    /// the test fails, rather than hanging the run.
    static func run(_ name: String, package: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> CLIResult {
        let process = Process()
        process.executableURL = try find(name, package: package)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        // Both pipes are drained while the program runs, so neither fills.
        let output = Collected(), errors = Collected()
        let readers = DispatchGroup()
        for (pipe, into) in [(out, output), (err, errors)] {
            DispatchQueue.global().async(group: readers) { into.data = pipe.fileHandleForReading.readDataToEndOfFile() }
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = done.wait(timeout: .now() + 10)
            XCTFail("\(name) took more than \(Int(timeout)) s: stopped")
        }
        _ = readers.wait(timeout: .now() + 10)
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: output.data, as: UTF8.self),
                         stderr: String(decoding: errors.data, as: UTF8.self))
    }

    final class Collected: @unchecked Sendable { var data = Data() }

    /// Debian's Chromium, headless, as root in a container (no sandbox,
    /// no /dev/shm to speak of), with a profile of its own so runs at the
    /// same time do not share one.
    static func chromiumFlags(_ profile: URL) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
         "--disable-extensions", "--user-data-dir=\(profile.path)"]
    }
}

/// Corpus text as the exports show it on one line: controls made visible,
/// every run of whitespace one space (written here again, from the docs).
enum Shown {
    static func line(_ text: String) -> String {
        var breaks = String.UnicodeScalarView()
        breaks.append(contentsOf: text.unicodeScalars.map { $0 == "\r" ? "\n" : $0 })
        let visible = SafeText.visible(String(breaks), keepNewlines: true)
        return visible.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// The tags of HTML that Chromium serialised or pandoc wrote: in both, text
/// is escaped, so every `<` starts a tag (the stylesheet holds none).
enum HTMLTags {
    static let pageTags: Set<String> = ["html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "nav",
                                        "a", "main", "section", "article", "span", "bdi", "ol", "ul", "li", "blockquote", "mark",
                                        "cite", "code", "div", "strong", "em", "table", "thead", "tbody", "tr", "th", "td", "br"]
    static let pandocTags: Set<String> = ["h1", "h2", "h3", "p", "a", "sup", "em", "section", "hr", "ol", "li"]

    struct Tag { let name: String; let attributes: [(name: String, value: String)]; let text: String }

    static func tags(in html: String) -> [Tag] {
        let tagPattern = try? NSRegularExpression(pattern: "<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
        let attributePattern = try? NSRegularExpression(pattern: "([a-zA-Z-]+)(?:=\"([^\"]*)\")?")
        let whole = html as NSString
        return (tagPattern?.matches(in: html, range: NSRange(location: 0, length: whole.length)) ?? []).map { match in
            let rest = whole.substring(with: match.range(at: 2)) as NSString
            let attributes = (attributePattern?.matches(in: rest as String, range: NSRange(location: 0, length: rest.length)) ?? []).map {
                (rest.substring(with: $0.range(at: 1)).lowercased(), $0.range(at: 2).location == NSNotFound ? "" : rest.substring(with: $0.range(at: 2)))
            }
            return Tag(name: whole.substring(with: match.range(at: 1)).lowercased(), attributes: attributes, text: whole.substring(with: match.range))
        }
    }

    /// No element but the exports' own, no event handler, no link but to
    /// the page itself or the web.
    static func assertRunsNothing(_ html: String, _ context: String, allowed: Set<String> = pageTags,
                                  file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(html.lowercased().contains("<script"), context, file: file, line: line)
        let found = tags(in: html)
        XCTAssertFalse(found.isEmpty, "\(context): no HTML", file: file, line: line)
        for tag in found {
            XCTAssertTrue(allowed.contains(tag.name), "\(context): \(tag.text)", file: file, line: line)
            for attribute in tag.attributes {
                XCTAssertFalse(attribute.name.hasPrefix("on"), "\(context): \(tag.text)", file: file, line: line)
                if ["href", "cite", "src", "action", "formaction"].contains(attribute.name) {
                    let value = attribute.value.lowercased()
                    XCTAssertTrue(value.hasPrefix("#") || value.hasPrefix("https://") || value.hasPrefix("http://"),
                                  "\(context): \(tag.text)", file: file, line: line)
                }
            }
        }
    }
}

/// Rows of cells from a flat OpenDocument spreadsheet (.fods).
enum OpenDocument {
    static func rows(_ xml: String) -> [[ExportRenderingTests.Cell]] {
        let rowPattern = try? NSRegularExpression(pattern: "<table:table-row[^>]*>(.*?)</table:table-row>", options: .dotMatchesLineSeparators)
        let cellPattern = try? NSRegularExpression(pattern: "<table:table-cell([^>]*?)(?:/>|>(.*?)</table:table-cell>)",
                                                   options: .dotMatchesLineSeparators)
        let whole = xml as NSString
        func attribute(_ name: String, _ attributes: String) -> String? {
            guard let range = attributes.range(of: name + "=\"[^\"]*\"", options: .regularExpression) else { return nil }
            return String(attributes[range].dropFirst(name.count + 2).dropLast())
        }
        return (rowPattern?.matches(in: xml, range: NSRange(location: 0, length: whole.length)) ?? []).compactMap { row in
            let body = whole.substring(with: row.range(at: 1)) as NSString
            var cells: [ExportRenderingTests.Cell] = []
            for cell in cellPattern?.matches(in: body as String, range: NSRange(location: 0, length: body.length)) ?? [] {
                let attributes = body.substring(with: cell.range(at: 1))
                let content = cell.range(at: 2).location == NSNotFound ? "" : body.substring(with: cell.range(at: 2))
                let repeated = Int(attribute("table:number-columns-repeated", attributes) ?? "1") ?? 1
                let value = ExportRenderingTests.Cell(type: attribute("office:value-type", attributes) ?? "", dateValue: attribute("office:date-value", attributes),
                                                      text: text(content))
                // A run of empty cells at a row's end stands for the rest of the sheet.
                cells += Array(repeating: value, count: min(repeated, 64))
            }
            let trimmed = Array(cells.reversed().drop { $0.text.isEmpty && $0.type.isEmpty }.reversed())
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// A cell's paragraphs as text: `<text:s text:c="n"/>` is n spaces, entities decoded.
    static func text(_ content: String) -> String {
        var text = content.replacingOccurrences(of: "<text:s/>", with: " ")
        while let range = text.range(of: "<text:s text:c=\"[0-9]+\"/>", options: .regularExpression) {
            let count = Int(text[range].filter(\.isNumber)) ?? 1
            text.replaceSubrange(range, with: String(repeating: " ", count: count))
        }
        text = text.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
