import Foundation
import Rapport

/// Goal files: JSON (`{"sectors": [...], ...}`) or TOML (`sectors = [...]`, `[weights]`).
///
/// A TOML file is read into the same plain values as the JSON form and decoded by `Goal`'s one
/// decoder, so both forms reject the same unknown keys and bad weights.
public enum GoalFile {
    /// The goal in the file at `path`.
    /// - Throws: `UseCaseError.badInput` naming `path` (and the line for TOML) when it cannot be
    ///   read or is not a goal.
    public static func read(path: String) throws -> Goal {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UseCaseError.badInput("\(path): cannot read the goal file")
        }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String) throws -> Goal {
        if path.lowercased().hasSuffix(".toml") {
            let document: TOMLDocument
            do { document = try TOMLParser.parse(String(decoding: data, as: UTF8.self)) } catch {
                throw UseCaseError.badInput("\(path):\(error.description)")
            }
            var json: [String: Any] = [:]
            for (key, entry) in document.table("") { json[key] = plain(entry.value) }
            if !document.table("weights").isEmpty { json["weights"] = document.table("weights").mapValues { plain($0.value) } }
            return try decode(try JSONSerialization.data(withJSONObject: json), path: path)
        }
        return try decode(data, path: path)
    }

    private static func plain(_ value: TOMLValue) -> Any {
        if let a = value.arrayValue { return a.map(plain) }
        if let s = value.stringValue { return s }
        if let d = value.doubleValue { return d }
        if let b = value.boolValue { return b }
        return value.description
    }

    private static func decode(_ data: Data, path: String) throws -> Goal {
        do { return try JSONDecoder().decode(Goal.self, from: data) } catch let error as DecodingError {
            switch error {
            case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c):
                let where_ = c.codingPath.map(\.stringValue).joined(separator: ".")
                throw UseCaseError.badInput("\(path): \(where_.isEmpty ? "" : where_ + ": ")\(c.debugDescription)")
            @unknown default:
                throw UseCaseError.badInput("\(path): not a valid goal file")
            }
        }
    }
}

/// What a suggestion request asks: the goal, for whom, and the limits that override `[suggest]`.
public struct SuggestRequest: Sendable {
    public var goal = Goal()
    /// Suggest for this person (a reference) instead of the user.
    public var forPerson: String?
    public var maxHops: Int?
    public var perOrganization: Int?
    public var cooldownDays: Int?

    public init(
        goal: Goal = Goal(), forPerson: String? = nil, maxHops: Int? = nil, perOrganization: Int? = nil,
        cooldownDays: Int? = nil
    ) {
        self.goal = goal
        self.forPerson = forPerson
        self.maxHops = maxHops
        self.perOrganization = perOrganization
        self.cooldownDays = cooldownDays
    }

    /// The goal of a goal file (when given) with `flags` added to its lists.
    public static func goal(file: String?, adding flags: Goal) throws -> Goal {
        var goal = try file.map(GoalFile.read(path:)) ?? Goal()
        goal.sectors += flags.sectors
        goal.keywords += flags.keywords
        goal.organizations += flags.organizations
        goal.locations += flags.locations
        goal.seniority += flags.seniority
        return goal
    }

    /// The limits' ranges, as a front checks them before any work.
    /// - Throws: `UseCaseError.badInput` naming the flag.
    public func validateLimits() throws {
        if let maxHops, !(1...6).contains(maxHops) { throw UseCaseError.badInput("--max-hops must be 1 to 6") }
        if let perOrganization, perOrganization < 1 { throw UseCaseError.badInput("--per-org must be at least 1") }
        if let cooldownDays, cooldownDays < 0 { throw UseCaseError.badInput("--cooldown cannot be negative") }
    }
}
