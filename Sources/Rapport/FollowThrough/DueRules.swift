/// The timing rules behind `rapport due` (issue 9, item 4), in whole days.
///
/// Defaults follow common career-office advice: thank within 24 hours, follow up with news 4–6
/// weeks later, check in with close contacts monthly and with the middle ring quarterly, and nudge
/// an introducer politely after a week without an answer.
public struct DueRules: Hashable, Sendable, Codable {
    /// The thank-you is due this many days after the interview (1: within 24 hours).
    public var thankYouDays = 1
    /// The follow-up window opens this many days after the interview (28: four weeks)…
    public var followUpStartDays = 28
    /// …and closes this many days after it (42: six weeks).
    public var followUpEndDays = 42
    /// A requested introduction with no answer is due for a nudge after this many days.
    public var introNudgeDays = 7
    /// Check-in cadence for ties at or above `strongTier` (days).
    public var strongCadenceDays = 30
    /// Check-in cadence for ties at or above `mediumTier` and below `strongTier` (days).
    public var mediumCadenceDays = 90
    /// Check-in cadence for weaker ties you have spoken with (days); `nil`: no routine check-ins
    /// (the default — a weak tie is a prospect for `rapport suggest`, not a relationship to tend).
    public var weakCadenceDays: Int? = nil
    /// Strength at which a tie counts as strong.
    public var strongTier = 0.6
    /// Strength at which a tie counts as medium.
    public var mediumTier = 0.3
    /// Thank-you, follow-up and nudge reminders more than this many days overdue are dropped: by
    /// then the keep-warm cadence is the better prompt.
    public var staleAfterDays = 90

    public static let `default` = DueRules()

    public init() {}

    /// Checks that windows are ordered and cadences positive.
    /// - Throws: `FollowThroughError.invalidRule`.
    public func validate() throws(FollowThroughError) {
        guard thankYouDays >= 0, introNudgeDays >= 0, staleAfterDays >= 0 else {
            throw .invalidRule("day counts cannot be negative")
        }
        guard followUpStartDays > thankYouDays, followUpEndDays >= followUpStartDays else {
            throw .invalidRule("the follow-up window must open after the thank-you and close after it opens")
        }
        guard strongCadenceDays > 0, mediumCadenceDays > 0, (weakCadenceDays ?? 1) > 0 else {
            throw .invalidRule("check-in cadences must be at least one day")
        }
        guard (0...1).contains(mediumTier), (0...1).contains(strongTier), mediumTier <= strongTier else {
            throw .invalidRule("strength tiers must lie in [0, 1] with medium ≤ strong")
        }
    }

    /// The check-in cadence in days for a tie of strength `s`; `nil` for a weak tie without one.
    public func cadence(forStrength s: Double) -> Int? {
        s >= strongTier ? strongCadenceDays : s >= mediumTier ? mediumCadenceDays : weakCadenceDays
    }

    /// The tier name of strength `s`: "strong", "medium" or "weak".
    public func tier(ofStrength s: Double) -> String {
        s >= strongTier ? "strong" : s >= mediumTier ? "medium" : "weak"
    }
}

/// Why something is due.
public enum DueReason: String, CaseIterable, Sendable, Codable, Hashable {
    case thankYou = "thank_you"
    case followUp = "follow_up"
    case keepWarm = "keep_warm"
    case introNudge = "intro_nudge"
}

/// One reminder: what is due, for whom, when, and what to do.
public struct DueItem: Hashable, Sendable, Codable {
    public var reason: DueReason
    /// The person to write to (for a nudge: the introducer).
    public var node: Int32
    public var personID: String
    /// The day it is due.
    public var due: Day
    /// The last good day (the follow-up window's end); equal to `due` for other reasons.
    public var windowEnd: Day
    /// The event it follows from (the interview, the last contact, the request).
    public var since: Day
    /// For a nudge: the person whose introduction was asked for.
    public var aboutNode: Int32?
    /// A sentence for people: "thank-you note after your informational interview on 2026-11-12".
    public var detail: String
    /// The next action: "send Dana Lee a short thank-you note".
    public var action: String

    public init(
        reason: DueReason, node: Int32, personID: String, due: Day, windowEnd: Day, since: Day,
        aboutNode: Int32? = nil, detail: String, action: String
    ) {
        self.reason = reason
        self.node = node
        self.personID = personID
        self.due = due
        self.windowEnd = windowEnd
        self.since = since
        self.aboutNode = aboutNode
        self.detail = detail
        self.action = action
    }

    /// Days from `day` until it is due (negative when overdue).
    public func daysUntilDue(from day: Day) -> Int { day.days(until: due) }
}
