/// Sizes of files as people write them: `256M`, `1G`, `4096`. A unit is
/// a power of 1024, as `ls -h` and `truncate` count.
public enum ByteSize {
    static let units: [(letter: Character, shift: Int)] = [("K", 10), ("M", 20), ("G", 30), ("T", 40)]

    /// The number of bytes `text` names (`256M`, `1G`, `512k`, `1048576`,
    /// `2GB`, `2GiB`); nil when it is not a size of at least one byte.
    public static func parse(_ text: String) -> Int? {
        var rest = Substring(text.uppercased())
        if rest.hasSuffix("IB") { rest = rest.dropLast(2) } else if rest.hasSuffix("B") { rest = rest.dropLast() }
        var shift = 0
        if let last = rest.last, let unit = units.first(where: { $0.letter == last }) {
            shift = unit.shift
            rest = rest.dropLast()
        }
        guard !rest.isEmpty, rest.count <= 19, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(rest), count > 0 else { return nil }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: 1 << shift)
        return overflow ? nil : bytes
    }

    /// "268435456 bytes (256 MB)"; "100 bytes" below a kilobyte.
    public static func describe(_ bytes: Int) -> String {
        guard let unit = units.last(where: { bytes >= 1 << $0.shift }) else { return "\(bytes) byte\(bytes == 1 ? "" : "s")" }
        let value = Double(bytes) / Double(1 << unit.shift)
        // One decimal below 10 units ("4.0 GB"), none above ("256 MB").
        let shown = value < 10 ? String(Double((value * 10).rounded()) / 10) : String(Int(value.rounded()))
        return "\(bytes) bytes (\(shown) \(unit.letter)B)"
    }
}
