import Foundation
import XCTest
@testable import ChronicleUI

/// Compares a rendered grid with Snapshots/NAME.txt. A missing snapshot is
/// recorded (and the test fails, so a person looks at it) unless
/// SNAPSHOT_TESTING_RECORD=never, as in CI, where it only fails;
/// SNAPSHOT_TESTING_RECORD=all rewrites every snapshot.
func assertSnapshot(_ grid: Grid, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = directory.appendingPathComponent(name + ".txt")
    // Framed so trailing spaces and the grid's edges are visible in diffs.
    let border = "+" + String(repeating: "-", count: grid.width) + "+"
    let actual = ([border] + grid.lines.map { "|" + $0 + "|" } + [border]).joined(separator: "\n") + "\n"
    let mode = ProcessInfo.processInfo.environment["SNAPSHOT_TESTING_RECORD"] ?? "missing"
    guard mode != "all", let expected = try? String(contentsOf: url, encoding: .utf8) else {
        if mode == "never" {
            XCTFail("missing snapshot \(name).txt (recording is off: SNAPSHOT_TESTING_RECORD=never)", file: file, line: line)
            return
        }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        if mode != "all" { XCTFail("recorded snapshot \(name).txt; check it and run again", file: file, line: line) }
        return
    }
    guard expected != actual else { return }
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for index in 0..<max(want.count, got.count) {
        let w = index < want.count ? String(want[index]) : "<none>"
        let g = index < got.count ? String(got[index]) : "<none>"
        if w != g { diff.append("row \(index):\n  - \(w)\n  + \(g)") }
    }
    XCTFail("snapshot \(name).txt differs (SNAPSHOT_TESTING_RECORD=all rewrites it):\n" + diff.joined(separator: "\n"), file: file, line: line)
}
