import Foundation
import XCTest
import Yams
@testable import ChronicleModel

/// The corpus reader composes YAML from libyaml's events itself; Yams, which
/// wraps the same parser, is the reference. On real corpora, on every
/// truncation of them and on seeded corruptions, both must give the same
/// tree (kinds, texts, styles, lines and columns) or the same error at the
/// same place.
final class YAMLComposerTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func ours(_ text: String) -> String {
        let bytes = Array(text.utf8)
        do throws(YAMLSyntaxError) {
            let node = try bytes.withUnsafeBufferPointer { buffer throws(YAMLSyntaxError) in try YAMLComposer.compose(buffer) }
            return node.map(describe) ?? "empty"
        } catch {
            switch error {
            case let .syntax(problem, at, _, _): return "error \(at.line):\(at.column) \(problem)"
            case let .reader(problem, _): return "reader \(problem)"
            case .memory: return "memory"
            }
        }
    }

    func reference(_ text: String) -> String? {
        do {
            return try Yams.compose(yaml: text, .basic).map(describe) ?? "empty"
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                return "error \(mark.line):\(mark.column) \(problem)"
            case let .reader(problem, _, _, _): return "reader \(problem)"
            default: return nil  // repeated keys: Yams refuses them, ours leaves them to YAMLFields
            }
        } catch {
            return nil
        }
    }

    func describe(_ node: ChronicleModel.Node) -> String {
        switch node {
        case .scalar(let scalar): return "s\(scalar.mark.line):\(scalar.mark.column)\(scalar.style)'\(scalar.string)'"
        case .mapping(let mapping): return "m\(mapping.mark.line):\(mapping.mark.column){" + mapping.map { describe($0.key) + "=" + describe($0.value) }.joined(separator: ",") + "}"
        case .sequence(let list): return "l\(list.mark.line):\(list.mark.column)[" + list.map(describe).joined(separator: ",") + "]"
        }
    }

    func describe(_ node: Yams.Node) -> String {
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "?"
        switch node {
        case .scalar(let scalar):
            let style: ChronicleModel.Node.Scalar.Style
            switch scalar.style {
            case .singleQuoted: style = .singleQuoted
            case .doubleQuoted: style = .doubleQuoted
            case .literal: style = .literal
            case .folded: style = .folded
            default: style = .plain
            }
            return "s\(mark)\(style)'\(scalar.string)'"
        case .mapping(let mapping): return "m\(mark){" + mapping.map { describe($0.key) + "=" + describe($0.value) }.joined(separator: ",") + "}"
        case .sequence(let sequence): return "l\(mark)[" + sequence.map(describe).joined(separator: ",") + "]"
        case .alias: return "alias"
        }
    }

    func assertAgree(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        guard let expected = reference(text) else { return false }
        XCTAssertEqual(ours(text), expected, what, file: file, line: line)
        return true
    }

    func testTheSameTreesAndErrorsAsYams() throws {
        let files = ["seeds/manifest.yaml", "seeds/events.yaml", "Tests/Fixtures/hostile-corpus/manifest.yaml",
                     "Tests/Fixtures/hostile-corpus/events.yaml"]
        let texts = try files.map { try String(contentsOf: Self.root.appendingPathComponent($0), encoding: .utf8) }
        var compared = 0, errors = 0
        for (name, text) in zip(files, texts) {
            XCTAssertTrue(assertAgree(text, name))
            XCTAssertFalse(ours(text).hasPrefix("error"), name)
            // Every 97th truncation point: broken quotes, lists, mappings.
            let scalars = Array(text.unicodeScalars)
            for cut in stride(from: 0, to: scalars.count, by: 97) {
                var prefix = String.UnicodeScalarView()
                prefix.append(contentsOf: scalars[..<cut])
                if assertAgree(String(prefix), "\(name) cut at \(cut)") { compared += 1 }
            }
        }
        // Seeded corruptions: a character of YAML syntax dropped in or deleted.
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let marks: [Character] = [":", "-", "[", "]", "{", "}", "\"", "'", "&", "*", "!", "|", ">", "#", "\n", " ", "\t", "?", "%", "@"]
        let source = Array(texts[1].prefix(6_000))
        for _ in 0..<400 {
            var chars = source
            for _ in 0..<(1 + next(3)) {
                let at = next(chars.count)
                if next(2) == 0 { chars.insert(marks[next(marks.count)], at: at) } else { chars.remove(at: at) }
            }
            let text = String(chars)
            if assertAgree(text, "corrupted: \(text.prefix(200))") {
                compared += 1
                if ours(text).hasPrefix("error") { errors += 1 }
            }
        }
        XCTAssertGreaterThan(compared, 500)
        XCTAssertGreaterThan(errors, 50, "the corruptions reach the error paths")
    }

    func testAliasesDocumentsAndDepth() {
        for text in ["a: &x [1, 2]\nb: *x\n", "a: *nowhere\n", "--- 1\n--- 2\n", "", "# only a comment\n", "---\n", "[a, {b: c}, [d]]",
                     "key: |\n  literal\n  text\nnext: >\n  folded\n  text\n", "a: 'single ''quoted'''\nb: \"double \\u00e9\"\n"] {
            XCTAssertTrue(assertAgree(text, text), "Yams refused \(text.debugDescription)")
        }
        // libyaml stops at 1,000 levels with a located error; below that the
        // composer (iterative, not recursive) builds the tree.
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertTrue(ours(deep).hasPrefix("error 1:1 Maximum nesting level reached"), String(ours(deep).prefix(200)))
        let nested = String(repeating: "[", count: 999) + String(repeating: "]", count: 999)
        XCTAssertTrue(ours(nested).hasPrefix("l1:1[l1:2[l1:3["))
        XCTAssertTrue(assertAgree(nested, "999 levels"))
    }
}
