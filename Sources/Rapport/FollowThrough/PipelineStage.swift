/// Where one target stands in the outreach pipeline (issue 9, item 1).
///
/// The stages run in order, from first noticing someone to keeping in touch after the interview;
/// `closed` ends the pipeline from any stage (the person declined, moved on, or is no longer a target).
public enum PipelineStage: String, CaseIterable, Sendable, Codable, Hashable, CustomStringConvertible {
    case identified
    case introRequested = "intro_requested"
    case introMade = "intro_made"
    case scheduled
    case interviewed
    case thanked
    case followingUp = "following_up"
    case closed

    /// Parses `intro_requested`, `intro-requested`, `Intro Requested`; `nil` for anything else.
    public init?(text: some StringProtocol) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        self.init(rawValue: key)
    }

    /// Position in the pipeline: `identified` is 0, `following_up` 6, `closed` 7.
    public var rank: Int {
        switch self {
        case .identified: return 0
        case .introRequested: return 1
        case .introMade: return 2
        case .scheduled: return 3
        case .interviewed: return 4
        case .thanked: return 5
        case .followingUp: return 6
        case .closed: return 7
        }
    }

    /// "intro requested".
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }

    public var description: String { rawValue }

    /// Every stage name, in order, for error messages: "identified, intro_requested, …".
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The stage a logged interaction implies: an informational interview moves the person to
    /// `interviewed`, a thank-you to `thanked`; other kinds imply nothing.
    public static func implied(by kind: InteractionKind) -> PipelineStage? {
        switch kind {
        case .informationalInterview: return .interviewed
        case .thankYou: return .thanked
        default: return nil
        }
    }

    /// The stage an introduction's status implies for the introduced person: `requested` →
    /// `intro_requested`, `made` → `intro_made`. `met` and `declined` imply nothing here: the meeting
    /// is logged as an interaction, and a declined introduction leaves other routes open.
    public static func implied(by status: IntroductionStatus) -> PipelineStage? {
        switch status {
        case .requested: return .introRequested
        case .made: return .introMade
        case .met, .declined: return nil
        }
    }
}

/// One target's current place in the pipeline.
public struct PipelineEntry: Hashable, Sendable, Codable {
    public var personID: String
    public var stage: PipelineStage
    /// The day the person entered `stage`.
    public var since: Day
    public var note: String

    public init(personID: String, stage: PipelineStage, since: Day, note: String = "") {
        self.personID = personID
        self.stage = stage
        self.since = since
        self.note = note
    }

    /// Whole days in the current stage as of `day` (0 when `since` is later).
    public func daysInStage(asOf day: Day) -> Int { max(0, since.days(until: day)) }
}

/// Who asked for a stage change.
public enum PipelineSource: String, CaseIterable, Sendable, Codable, Hashable {
    /// `rapport status`: the user said so.
    case explicit
    /// `rapport log` (an informational interview or a thank-you).
    case interaction
    /// `rapport intro --status requested|made`.
    case introduction
}

/// A change of stage, as recorded in the pipeline history.
public struct PipelineTransition: Hashable, Sendable, Codable {
    public var personID: String
    /// `nil` when the person was not in the pipeline before.
    public var from: PipelineStage?
    public var to: PipelineStage
    public var date: Day
    public var note: String
    public var source: PipelineSource

    public init(
        personID: String, from: PipelineStage?, to: PipelineStage, date: Day, note: String = "", source: PipelineSource
    ) {
        self.personID = personID
        self.from = from
        self.to = to
        self.date = date
        self.note = note
        self.source = source
    }
}
