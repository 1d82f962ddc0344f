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

/// Who started an interaction.
public enum Initiator: String, CaseIterable, Sendable, Codable, Hashable {
    case me, them
}
