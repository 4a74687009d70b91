import ChronicleModel

/// What a load without a valid cache shows while it works: the browser's
/// first screen until the corpus (or its preview) is ready, and the line a
/// command redraws on a terminal's standard error. Both say what is being
/// done, how many of how many, and about how long is left.
public enum LoadingView {
    /// "reading articles 9,024 of 20,000 · about 3 s left".
    public static func words(_ snapshot: LoadProgress.Snapshot) -> String {
        guard let stage = snapshot.stage else { return "opening the corpus" }
        var words = stage.phrase
        if snapshot.total > 0 { words += " \(grouped(snapshot.done)) of \(grouped(snapshot.total))" }
        if let left = snapshot.remaining { words += " · " + timeLeft(left) }
        return words
    }

    /// "about 3 s left", "about 2 min left": no more precise than a pace can say.
    public static func timeLeft(_ seconds: Double) -> String {
        if seconds < 1.5 { return "about 1 s left" }
        if seconds < 90 { return "about \(Int(seconds.rounded())) s left" }
        return "about \(Int((seconds / 60).rounded())) min left"
    }

    /// "[=========>          ]  45%" in `width` columns (at least 8).
    public static func bar(_ fraction: Double, width: Int) -> String {
        let percent = " \(Int((min(1, max(0, fraction)) * 100).rounded(.down)))%".leftPadded(to: 5)
        let inside = max(1, width - 2 - percent.count)
        let filled = Int((min(1, max(0, fraction)) * Double(inside)).rounded(.down))
        let arrow = filled < inside ? ">" : ""
        let rest = inside - filled - arrow.count
        return "[" + String(repeating: "=", count: filled) + arrow + String(repeating: " ", count: rest) + "]" + percent
    }

    /// The whole line for a terminal `width` columns wide: the bar, then the
    /// words, cut to fit.
    public static func line(_ snapshot: LoadProgress.Snapshot, width: Int) -> String {
        let barWidth = min(32, max(10, width / 4))
        let line = "chronicle: " + bar(snapshot.fraction, width: barWidth) + "  " + words(snapshot)
        return String(line.prefix(max(0, width - 1)))
    }

    /// The browser's screen while `name` loads.
    public static func render(_ snapshot: LoadProgress.Snapshot, corpusName: String, size: Size) -> Grid {
        var grid = Grid(width: size.width, height: size.height)
        guard size.width >= 20, size.height >= 8 else {
            _ = grid.put("Loading…", x: 0, y: 0, maxWidth: size.width, role: .normal)
            return grid
        }
        grid.fill(Rect(x: 0, y: 0, width: size.width, height: 1), role: .titleBar)
        _ = grid.put(" Chronicle · " + SafeText.visible(corpusName), x: 0, y: 0, maxWidth: size.width - 1, role: .titleBar)
        let width = min(size.width - 4, 72)
        let x = (size.width - width) / 2
        let y = max(2, size.height / 2 - 2)
        _ = grid.put("Reading and checking the corpus", x: x, y: y, maxWidth: width, role: .heading)
        if let reason = snapshot.reason {
            _ = grid.put("from its files: " + SafeText.visible(reason), x: x, y: y + 1, maxWidth: width, role: .dim)
        }
        _ = grid.put(bar(snapshot.fraction, width: width), x: x, y: y + 3, maxWidth: width, role: .normal)
        _ = grid.put(words(snapshot), x: x, y: y + 4, maxWidth: width, role: .normal)
        grid.fill(Rect(x: 0, y: size.height - 1, width: size.width, height: 1), role: .statusBar)
        _ = grid.put(" q quit · keys typed now are kept for the corpus", x: 0, y: size.height - 1, maxWidth: size.width - 1, role: .statusBar)
        return grid
    }

    /// 20000 → "20,000".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (n < 0 ? "-" : "") + out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
