/// A one-page brief for an informational interview (issue 9, item 3): who the person is, how you
/// are connected, what you share, your history with them, and questions to ask.
public struct InterviewBrief: Hashable, Sendable, Codable {
    /// One hop of the warm path: the person reached and the strength of the tie used.
    public struct Hop: Hashable, Sendable, Codable {
        public var name: String
        public var strength: Double
        public init(name: String, strength: Double) {
            self.name = name
            self.strength = strength
        }
    }

    /// One past interaction with the person.
    public struct Contact: Hashable, Sendable, Codable {
        public var date: Day
        public var kind: InteractionKind
        public var minutes: Int?
        public var notes: String
        public init(date: Day, kind: InteractionKind, minutes: Int? = nil, notes: String = "") {
            self.date = date
            self.kind = kind
            self.minutes = minutes
            self.notes = notes
        }
    }

    public var name: String
    public var title: String?
    public var organization: String?
    public var location: String?
    public var sectors: [String]
    public var schools: [String]
    public var seniority: SeniorityTier
    /// From the user to the person; empty when there is no warm path (cold outreach).
    public var path: [Hop]
    /// Product of the hop strengths; 0 without a path.
    public var reliability: Double
    /// What the user shares with the person ("studied at X").
    public var common: [String]
    public var notes: [String]
    /// Newest first.
    public var contacts: [Contact]
    public var stage: PipelineEntry?
    public var questions: [String]
    public var asOf: Day

    public init(
        name: String, title: String? = nil, organization: String? = nil, location: String? = nil,
        sectors: [String] = [],
        schools: [String] = [], seniority: SeniorityTier = .mid, path: [Hop] = [], reliability: Double = 0,
        common: [String] = [], notes: [String] = [], contacts: [Contact] = [], stage: PipelineEntry? = nil,
        questions: [String], asOf: Day
    ) {
        self.name = name
        self.title = title
        self.organization = organization
        self.location = location
        self.sectors = sectors
        self.schools = schools
        self.seniority = seniority
        self.path = path
        self.reliability = reliability
        self.common = common
        self.notes = notes
        self.contacts = contacts
        self.stage = stage
        self.questions = questions
        self.asOf = asOf
    }
}

extension InterviewBrief {
    /// The brief for `target`, from the graph.
    ///
    /// - Parameters:
    ///   - path: the warm path's hops from the ego (empty for a cold target).
    ///   - bank: the question bank; questions are chosen by the target's sectors and seniority.
    /// - Throws: `FollowThroughError.tooFewQuestions` when the bank is too small.
    /// - Complexity: O(deg(ego) + interactions with the target + bank size).
    public init(
        snapshot: NetworkSnapshot, ego: Int32, target: Int32, path: [PathHop], stage: PipelineEntry?,
        bank: QuestionBank,
        asOf: Day
    ) throws(FollowThroughError) {
        let person = snapshot.people[Int(target)]
        var contacts: [Contact] = []
        if let edge = snapshot.tie(between: ego, and: target) {
            contacts = snapshot.interactions(onTie: edge).filter { $0.date <= asOf }.reversed().map {
                Contact(date: $0.date, kind: $0.kind, minutes: $0.minutes, notes: $0.notes)
            }
        }
        let hops = path.map { Hop(name: snapshot.people.displayName($0.node), strength: $0.strength) }
        self.init(
            name: person.displayName, title: person.title,
            organization: snapshot.organization(of: target)?.name ?? person.organization, location: person.location,
            sectors: person.sectors, schools: person.schools, seniority: SeniorityTier(title: person.title), path: hops,
            reliability: path.isEmpty ? 0 : path.reduce(1.0) { $0 * $1.strength },
            common: DraftContext.common(snapshot: snapshot, ego: ego, target: target), notes: person.notes,
            contacts: contacts, stage: stage,
            questions: try bank.questions(sectors: person.sectors, title: person.title),
            asOf: asOf)
    }

    /// "Partner, Greaves & Ibarra", "Partner", "Greaves & Ibarra" or `nil`.
    public var roleLine: String? {
        switch (title, organization) {
        case let (t?, o?): return "\(t), \(o)"
        case let (t?, nil): return t
        case let (nil, o?): return o
        case (nil, nil): return nil
        }
    }

    /// "You → Maria Chen (0.82) → Dana Lee (0.61)".
    public var pathLine: String? {
        guard !path.isEmpty else { return nil }
        return (["You"] + path.map { "\($0.name) (\(NumberFormat.twoDecimals($0.strength)))" }).joined(separator: " → ")
    }
}
