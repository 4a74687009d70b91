import Foundation
import XCTest
@testable import ChronicleModel

/// The manifest's tree as the entry keeps it: read back it is the tree
/// the bytes parse to; what a writer could not have written is damage.
final class ManifestImageTests: XCTestCase {
    func composed(_ text: String) throws -> ChronicleModel.Node {
        let bytes = Array(text.utf8)
        let node = try bytes.withUnsafeBufferPointer { buffer throws(YAMLSyntaxError) in try YAMLComposer.compose(buffer) }
        return try XCTUnwrap(node)
    }

    func decoded(_ bytes: [UInt8]) throws -> ChronicleModel.Node {
        try bytes.withUnsafeBytes { raw in try ManifestImage.decoded(raw) }
    }

    func describe(_ node: ChronicleModel.Node) -> String {
        switch node {
        case .scalar(let scalar): return "s\(scalar.mark.line):\(scalar.mark.column)\(scalar.style)'\(scalar.string)'"
        case .mapping(let mapping): return "m\(mapping.mark.line):\(mapping.mark.column){" + mapping.map { describe($0.key) + "=" + describe($0.value) }.joined(separator: ",") + "}"
        case .sequence(let list): return "l\(list.mark.line):\(list.mark.column)[" + list.map(describe).joined(separator: ",") + "]"
        }
    }

    func testTheSeedsManifestReadBackIsTheTreeItParsesTo() throws {
        let manifest = try String(contentsOf: YAMLComposerTests.root.appendingPathComponent("seeds/manifest.yaml"), encoding: .utf8)
        let styles = "plain: a\nsingle: 'b'\ndouble: \"c\"\nliteral: |\n  d\nfolded: >\n  e\nlist: [1, {k: v}]\nempty: []\n"
        for text in [manifest, styles] {
            let tree = try composed(text)
            let bytes = try XCTUnwrap(ManifestImage.encoded(tree))
            XCTAssertEqual(describe(try decoded(bytes)), describe(tree))
        }
    }

    func testATreeTooDeepIsNotKeptAndNotRead() throws {
        let depth = ManifestImage.maxDepth
        XCTAssertNotNil(ManifestImage.encoded(try composed(String(repeating: "[", count: depth - 1) + "x" + String(repeating: "]", count: depth - 1))))
        XCTAssertNil(ManifestImage.encoded(try composed(String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth))))
        // Hand-made: lists of one list, deeper than a writer keeps.
        var deep: [UInt8] = []
        for _ in 0..<depth { deep += [2, 1, 1, 1] }
        XCTAssertThrowsError(try decoded(deep + [0, 1, 0x78, 0, 1, 1])) { error in
            XCTAssertEqual((error as? CacheDamage)?.reason, "the manifest's tree is too deep")
        }
    }

    func testBytesNoWriterWritesAreDamage() throws {
        let good = try XCTUnwrap(ManifestImage.encoded(try composed("a: b\n")))
        XCTAssertNoThrow(try decoded(good))
        for (bytes, why) in [(good + [0], "bytes after its end"), ([7], "of no kind"), ([0, 1, 0x78, 9, 1, 1], "no such style"),
                             (Array(good.dropLast()), "ends too soon"), ([1, 1, 1, 100], "larger than its section")] {
            XCTAssertThrowsError(try decoded(bytes), why) { error in
                XCTAssertTrue((error as? CacheDamage)?.reason.contains(why) == true, "\(why): \(error)")
            }
        }
    }
}
