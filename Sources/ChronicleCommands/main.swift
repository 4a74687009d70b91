import ArgumentParser
import ChronicleModel
import Foundation

MemoryUse.oneArenaPerCore()
MemoryUse.growHeapsInLargeSteps()
// A write past a file size limit fails with EFBIG, said in words, rather than killing the process.
signal(SIGXFSZ, SIG_IGN)
// Exit codes follow the contract: 0 fine, 1 "not found" (like grep),
// 2 bad data or usage. ArgumentParser's own usage errors (64) become 2.
do {
    var command = try ChronicleCommand.parseAsRoot()
    try command.run()
} catch let error as CLIError {
    FileHandle.standardError.write(Data("chronicle: \(error.message)\n".utf8))
    exit(error.code)
} catch {
    let code = ChronicleCommand.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((ChronicleCommand.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    ChronicleCommand.exit(withError: error)
}
