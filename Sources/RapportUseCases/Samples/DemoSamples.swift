import Foundation
import RapportSamples

/// The sample network of `rapport demo` (Samples/ in the repository, bundled with the binary).
public enum DemoSamples {
    /// The user of the sample network.
    public static let me = "Avery Lindqvist"
    /// The demo's goal, as suggest flags.
    public static let goal = ["--sector", "intellectual property"]
    /// The sample contact whose strength comes from the evidence alone (Samples/README.md).
    public static let evidenceContact = "Zachary Bishop"

    /// Copies the bundled samples into `folder` (created when missing) and returns what a demo
    /// imports there, in import order (the archive folder and the six files), each with how many
    /// files it holds.
    /// - Throws: `UseCaseError.failure` when a folder or file cannot be written or a bundled file is missing.
    /// - Complexity: O(total bytes of the samples).
    public static func write(to folder: String) throws -> [(entry: String, files: Int)] {
        var written: [(entry: String, files: Int)] = []
        for entry in SampleFiles.importOrder {
            let source: URL
            do { source = try SampleFiles.url(entry) } catch {
                throw UseCaseError.failure("the bundled sample \(entry) is missing beside the binary; rebuild rapport")
            }
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory)
            let files = isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: source.path).sorted().map { entry + "/" + $0 }
                : [entry]
            for name in files {
                let target = folder + "/" + name
                let parent = URL(fileURLWithPath: target).deletingLastPathComponent().path
                do {
                    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
                } catch {
                    throw UseCaseError.failure("\(parent): cannot create the folder")
                }
                let from = isDirectory.boolValue ? source.appendingPathComponent(String(name.dropFirst(entry.count + 1))) : source
                guard let bytes = FileManager.default.contents(atPath: from.path) else {
                    throw UseCaseError.failure("the bundled sample \(name) cannot be read; rebuild rapport")
                }
                try OutputFile.write([UInt8](bytes), to: target)
            }
            written.append((entry, files.count))
        }
        return written
    }

    /// A new folder under `TMPDIR` (else /tmp) for a demo.
    public static func temporaryFolder() throws -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/rapport-demo.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw UseCaseError.failure("\(base): cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }
}
