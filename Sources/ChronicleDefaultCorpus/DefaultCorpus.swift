import Foundation

/// The default corpus, as it stood in `seeds/` when the binary was built.
public enum DefaultCorpus {
    /// Every file of the corpus by its path relative to the corpus root
    /// (`manifest.yaml`, `events.yaml`, `articles/…`), byte for byte.
    public static let files: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for entry in EmbeddedCorpusData.files {
            // The generator wrote these literals itself; a failure is a build bug.
            guard let data = Data(base64Encoded: entry.base64) else {
                preconditionFailure("corrupt embedded corpus file \(entry.path)")
            }
            files[entry.path] = [UInt8](data)
        }
        return files
    }()

    /// How the corpus is named where a path would be shown.
    public static let displayName = "<built-in default corpus>"
}
