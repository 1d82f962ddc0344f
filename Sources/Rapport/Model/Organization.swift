import Foundation

/// An organization people work at or study in.
public struct Organization: Hashable, Sendable, Codable {
    /// The normalized key; two names with the same key are the same organization.
    public var key: String
    /// The display name: the first spelling seen.
    public var name: String
    /// Other spellings seen for the same key.
    public var aliases: [String]
    public var sector: String?

    public init(name: String, aliases: [String] = [], sector: String? = nil) {
        self.key = NameKey.organization(name)
        self.name = name
        self.aliases = aliases
        self.sector = sector
    }

    /// An organization whose key is already known (read back from a snapshot file).
    init(key: String, name: String) {
        self.key = key
        self.name = name
        self.aliases = []
        self.sector = nil
    }
}

/// A person's role at an organization.
public struct Affiliation: Hashable, Sendable, Codable {
    public var personID: String
    public var organizationKey: String
    public var title: String?
    public var start: Day?
    public var end: Day?
    public var isCurrent: Bool

    public init(personID: String, organizationKey: String, title: String? = nil, start: Day? = nil, end: Day? = nil, isCurrent: Bool = true) {
        self.personID = personID
        self.organizationKey = organizationKey
        self.title = title
        self.start = start
        self.end = end
        self.isCurrent = isCurrent
    }
}

/// Normalized keys for matching names across sources.
public enum NameKey {
    /// Legal-form words stripped from the end of an organization name.
    static let legalSuffixes: Set<String> = [
        "inc", "incorporated", "llc", "llp", "lllp", "pllc", "ltd", "limited", "corp", "corporation",
        "gmbh", "ag", "plc", "pc", "pa", "lp", "sa", "sarl", "bv", "nv", "pty", "co", "company", "kg", "srl",
        "spa", "ab", "as", "oy",
    ]

    /// Case-folds, strips diacritics, turns `&` into `and`, drops punctuation (so `P.C.` reads `pc`),
    /// collapses whitespace and strips trailing legal suffixes (`Inc.`, `LLP`, `& Co.`, `P.C.` …).
    ///
    /// "Wilson Sonsini Goodrich & Rosati, P.C." and "wilson sonsini goodrich & rosati" share a key,
    /// as do "Google LLC" and "Google". A name made only of suffixes keeps them.
    /// - Complexity: O(n) in the length of the name.
    public static func organization(_ name: String) -> String {
        var words = tokens(name)
        while words.count > 1, let last = words.last, legalSuffixes.contains(last) {
            words.removeLast()
            // "& Co." and "and Company": drop the dangling "and" too.
            if words.count > 1, words.last == "and", last == "co" || last == "company" { words.removeLast() }
        }
        return words.joined(separator: " ")
    }

    /// The key for a person's full name: folded tokens joined by one space.
    public static func person(_ name: String) -> String { tokens(name).joined(separator: " ") }

    /// Folded words: lower-cased without diacritics; `&` is the word `and`; apostrophes and periods
    /// join (O'Neil → oneil, P.C. → pc); any other non-alphanumeric character separates.
    static func tokens(_ text: String) -> [String] {
        // Plain ASCII needs no Unicode folding, only lower-casing (folding costs microseconds).
        let folded =
            text.utf8.allSatisfy({ $0 < 0x80 })
            ? text.lowercased()
            : text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar == "&" {
                if !current.isEmpty { words.append(current); current = "" }
                words.append("and")
            } else if scalar == "." || scalar == "'" || scalar == "\u{2019}" {
                continue
            } else if scalar.value < 0x80 ? NameKey.isASCIIAlphanumeric(scalar.value) : scalar.properties.isAlphabetic {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Whether an ASCII scalar is a letter or a digit: what `isAlphabetic || 0…9` answers for
    /// ASCII, without a Unicode property lookup (a quarter of a goal's matching at 1M people).
    @inline(__always)
    static func isASCIIAlphanumeric(_ v: UInt32) -> Bool {
        (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
    }
}
