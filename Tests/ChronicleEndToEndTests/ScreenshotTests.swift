import Foundation
import XCTest

/// scripts/screenshots.sh runs Chronicle in xterm under Xvfb and takes the
/// screens a person sees (docs/screenshots/). CI runs it here, so the
/// script keeps working and the screens keep being drawn.
final class ScreenshotTests: XCTestCase {
    func testTheScriptTakesEveryScreenInXterm() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for tool in ["Xvfb", "xterm", "xwd", "convert"] where try Tmux.shell("command -v \(tool) >/dev/null") != 0 {
            throw XCTSkip("\(tool) is missing: .ci/run installs xvfb, xterm, x11-apps and imagemagick")
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-shots-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let log = out.path + ".log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let status = try Tmux.shell("cd '\(root.path)' && CHRONICLE='\(Tmux.binary.path)' timeout 300 scripts/screenshots.sh '\(out.path)' >'\(log)' 2>&1")
        let said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        XCTAssertEqual(status, 0, said)
        var sizes = Set<String>()
        for name in ["timeline", "event-pane", "reader", "side-by-side", "hostile-article", "zwj-family"] {
            let png = out.appendingPathComponent(name + ".png")
            let bytes = try [UInt8](Data(contentsOf: png))
            XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(name) is not a PNG")
            // IHDR: width and height, big-endian, at bytes 16 and 20.
            let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            sizes.insert("\(width)x\(height)")
            // xterm's window of 110×32 cells, not the whole X screen.
            XCTAssertLessThan(width, 1200, name)
            XCTAssertGreaterThan(width, 110 * 5, name)
            // A drawn screen has text and the theme's colours, not one flat colour.
            let colours = try shellOutput("convert '\(png.path)' -format %k info:")
            XCTAssertGreaterThan(Int(colours.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, 8, "\(name): \(colours)")
        }
        XCTAssertEqual(sizes.count, 1, "every screenshot is the same window: \(sizes)")
    }

    private func shellOutput(_ line: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-sh-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(try Tmux.shell("\(line) >'\(path)' 2>&1"), 0, line)
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}
