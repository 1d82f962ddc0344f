@testable import Rapport

/// A small hand-made network for the follow-through tests.
///
/// me (Avery Lindqvist; Halvorsen Law; IP, technology transactions) —mentor— Maria Chen
/// —colleague— Siobhán O'Neil (Partner, Greaves & Ibarra; Halvorsen Law; IP, licensing).
/// Zoë Ångström (Associate, Brightline; copyright) has no ties: a cold target.
enum FollowThroughFixture {
    static let me = Person(
        id: "me", firstName: "Avery", lastName: "Lindqvist", organization: "Halvorsen University School of Law",
        title: "J.D. Candidate", sectors: ["intellectual property", "technology transactions"],
        schools: ["Halvorsen University School of Law", "Carroway College"])
    static let maria = Person(
        id: "p1", firstName: "Maria", lastName: "Chen", organization: "Greaves & Ibarra", title: "Counsel")
    static let siobhan = Person(
        id: "p2", firstName: "Siobhán", lastName: "O'Neil", organization: "Greaves & Ibarra LLP", title: "Partner",
        sectors: ["Licensing", "intellectual property"], schools: ["Halvorsen University School of Law"],
        location: "Chicago, IL",
        notes: ["Wrote the *licensing* <chapter> in the bar guide"])
    static let zoe = Person(
        id: "p3", firstName: "Zoë", lastName: "Ångström", organization: "Brightline", title: "Associate",
        sectors: ["copyright"])
    static let mononym = Person(id: "p4", firstName: "", lastName: "Prince", organization: "Paisley Park")

    static func snapshot(interactions: [Interaction] = [], introductions: [Introduction] = []) throws -> NetworkSnapshot
    {
        try NetworkSnapshot(
            NetworkData(
                people: [me, maria, siobhan, zoe, mononym],
                ties: [
                    Tie("me", "p1", kind: .mentor), Tie("p1", "p2", kind: .colleague),
                    Tie("me", "p4", kind: .acquaintance),
                ],
                interactions: interactions, introductions: introductions))
    }

    static func day(_ text: String) -> Day {
        guard let day = Day(iso: text) else { fatalError("bad test date \(text)") }
        return day
    }
}
