import Foundation
import PackagePlugin

/// Compiles the default corpus (`seeds/`) into the `ChronicleDefaultCorpus`
/// target, so the `chronicle` binary works when copied anywhere. SwiftPM
/// resources would tie the binary to a bundle path under `.build`.
@main
struct EmbedCorpusPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let seeds = context.package.directoryURL.appending(path: "seeds")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedCorpusData.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default corpus from seeds/",
                executable: try context.tool(named: "EmbedCorpusTool").url,
                arguments: [seeds.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: filesBelow(seeds),
                outputFiles: [output]
            )
        ]
    }

    private func filesBelow(_ directory: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey]
        ) else { return [] }
        return walker.compactMap { $0 as? URL }.filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }
}
