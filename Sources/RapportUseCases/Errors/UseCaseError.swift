/// An error a use case raises itself: bad input (the user can fix it) or a failure (the system).
///
/// Fronts map `badInput` to exit 2 / HTTP 400 and `failure` to exit 1 / HTTP 500 through
/// `ErrorReport`, the one mapping of every error type.
public enum UseCaseError: Error, CustomStringConvertible, Equatable, Sendable {
    case badInput(String)
    case failure(String)

    public var description: String {
        switch self {
        case .badInput(let message), .failure(let message): message
        }
    }

    /// The same error with `prefix` before its message (`file:line: ` for a batch file's row).
    public func prefixed(_ prefix: String) -> UseCaseError {
        switch self {
        case .badInput(let message): .badInput(prefix + message)
        case .failure(let message): .failure(prefix + message)
        }
    }
}
