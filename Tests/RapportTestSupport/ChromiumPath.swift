import Foundation

/// Where headless Chromium is (Debian's `chromium`, installed by `.ci/install-deps`), for the browser
/// tests: the first of `chromium`, `chromium-browser`, `google-chrome` on `PATH`, or nil.
public enum ChromiumPath {
    public static let found: String? = {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()
}
