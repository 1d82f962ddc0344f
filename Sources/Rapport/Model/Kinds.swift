import Foundation

/// The declared kind of a relationship between two people.
public enum TieKind: String, CaseIterable, Sendable, Codable, Hashable {
    case mentor, friend, colleague, classmate
    case formerColleague = "former_colleague"
    case acquaintance, family

    /// Parses the CSV spelling (`former_colleague`; also `former colleague`, `Former-Colleague`).
    public init?(text: some StringProtocol) {
        let key = text.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        self.init(rawValue: key)
    }
}

/// What kind of contact an interaction was.
public enum InteractionKind: String, CaseIterable, Sendable, Codable, Hashable {
    case informationalInterview = "informational_interview"
    case coffee, meeting, call
    case videoCall = "video_call"
    case email, message, event, referral
    case thankYou = "thank_you"
    /// A LinkedIn invitation to connect (with or without a personal note: `words`).
    case invitation
    /// A written recommendation (LinkedIn): a reciprocal service, like a referral.
    case recommendation
    /// A skill endorsement (LinkedIn): a weak signal.
    case endorsement

    public init?(text: some StringProtocol) {
        var key = text.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        if key == "info_interview" || key == "informational" { key = "informational_interview" }
        if key == "video" { key = "video_call" }
        self.init(rawValue: key)
    }
}

/// The state of an introduction.
public enum IntroductionStatus: String, CaseIterable, Sendable, Codable, Hashable {
    case requested, made, met, declined
}

/// Where an interaction was read from. Evidence sources (everything but `native`) carry a dedupe
/// key (`Interaction.sourceKey`) so that importing the same export again adds nothing.
public enum InteractionSource: String, CaseIterable, Sendable, Codable, Hashable {
    /// Typed by the user (`rapport log`) or read from a native `interactions.csv`.
    case native
    /// The LinkedIn data archive: messages, invitations, recommendations, endorsements.
    case linkedin
    /// A calendar export (`.ics`).
    case calendar
    /// A mailbox export (`.mbox`), headers only.
    case mail
}

/// Who started an interaction.
public enum Initiator: String, CaseIterable, Sendable, Codable, Hashable {
    case me, them
}
