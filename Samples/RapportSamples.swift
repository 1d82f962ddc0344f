import Foundation

/// The files of this folder, bundled with the `rapport` binary as SwiftPM resources, so that
/// `rapport demo` runs on them without a checkout.
public enum SampleFiles {
    /// What the demo imports, in import order: the LinkedIn archive (one folder), the native files,
    /// the calendar and the mailbox.
    public static let importOrder = [
        "LinkedInDataExport", "people.csv", "ties.csv", "interactions.csv", "introductions.csv", "calendar.ics",
        "mail.mbox",
    ]

    /// The bundled copy of `name` (a file or the archive folder).
    /// - Throws: when the resource bundle beside the binary has no such entry.
    public static func url(_ name: String) throws -> URL {
        let url = Bundle.module.bundleURL.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        return url
    }
}
