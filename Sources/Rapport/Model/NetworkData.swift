/// Everything a workspace holds, as plain values: the input of `NetworkBuilder` and the unit that
/// imports merge into.
public struct NetworkData: Hashable, Sendable, Codable {
    public var people: [Person]
    public var ties: [Tie]
    public var interactions: [Interaction]
    public var introductions: [Introduction]

    public init(people: [Person] = [], ties: [Tie] = [], interactions: [Interaction] = [], introductions: [Introduction] = []) {
        self.people = people
        self.ties = ties
        self.interactions = interactions
        self.introductions = introductions
    }

    public var isEmpty: Bool { people.isEmpty && ties.isEmpty && interactions.isEmpty && introductions.isEmpty }
}

extension NetworkBuilder {
    /// A builder holding all of `data`.
    /// - Throws: `NetworkError` for duplicate ids, unknown references or self ties.
    public init(_ data: NetworkData) throws(NetworkError) {
        self.init()
        for person in data.people { try add(person) }
        for tie in data.ties { try add(tie) }
        for interaction in data.interactions { try add(interaction) }
        for introduction in data.introductions { try add(introduction) }
    }
}

extension NetworkSnapshot {
    /// Builds a snapshot straight from plain data.
    public init(_ data: NetworkData) throws(NetworkError) {
        self = try NetworkBuilder(data).freeze()
    }
}

extension NetworkData {
    /// How many rows it holds.
    public var count: Int { people.count + ties.count + interactions.count + introductions.count }
}
