/// What the draft templates can say, computed from the graph (issue 9, item 2).
///
/// Every field is non-empty when present; a field that would be empty is `nil`, so templates
/// test it with a section (`{{#target_org}} at {{target_org}}{{/target_org}}`) and never print an
/// empty slot. Names always have a value: a person with no first name is greeted by full name, and
/// one with no name at all by their id.
public struct DraftContext: Hashable, Sendable, Codable {
    public var meName: String
    public var meFirst: String
    public var targetName: String
    public var targetFirst: String
    public var targetOrg: String?
    public var targetTitle: String?
    /// The target's practice area closest to the goal, else their first sector.
    public var practiceArea: String?
    public var introducerName: String?
    public var introducerFirst: String?
    /// How the user knows the introducer: "my mentor", "a former colleague of mine".
    public var relationship: String?
    /// On a longer path, the person through whom the introducer knows the target.
    public var viaName: String?
    /// What the user shares with the target: "studied at X and care about Y".
    public var common: String?
    /// What the user is exploring; never empty.
    public var goal: String
    /// Whether the user already knows the target (a direct tie): no self-introduction needed.
    public var isConnected: Bool

    /// Placeholder names, as templates spell them.
    public static let placeholderNames = [
        "me_name", "me_first", "target_name", "target_first", "target_org", "target_title", "practice_area",
        "introducer_name", "introducer_first", "relationship", "via_name", "common", "goal", "has_introducer",
        "is_connected",
    ]

    public init(
        meName: String, meFirst: String, targetName: String, targetFirst: String, targetOrg: String? = nil,
        targetTitle: String? = nil, practiceArea: String? = nil, introducerName: String? = nil,
        introducerFirst: String? = nil, relationship: String? = nil, viaName: String? = nil, common: String? = nil,
        goal: String, isConnected: Bool = false
    ) {
        func clean(_ s: String?) -> String? {
            guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        self.meName = clean(meName) ?? "me"
        self.meFirst = clean(meFirst) ?? self.meName
        self.targetName = clean(targetName) ?? "there"
        self.targetFirst = clean(targetFirst) ?? self.targetName
        self.targetOrg = clean(targetOrg)
        self.targetTitle = clean(targetTitle)
        self.practiceArea = clean(practiceArea)
        self.introducerName = clean(introducerName)
        self.introducerFirst = clean(introducerFirst) ?? self.introducerName
        self.relationship = clean(relationship)
        self.viaName = clean(viaName)
        self.common = clean(common)
        self.goal = clean(goal) ?? clean(practiceArea) ?? "your field"
        self.isConnected = isConnected
    }

    /// The values as Mustache sees them; absent fields are left out so sections skip them.
    public var values: [String: Any] {
        var v: [String: Any] = [
            "me_name": meName, "me_first": meFirst, "target_name": targetName, "target_first": targetFirst,
            "goal": goal, "has_introducer": introducerName != nil, "is_connected": isConnected,
        ]
        let optional: [(String, String?)] = [
            ("target_org", targetOrg), ("target_title", targetTitle), ("practice_area", practiceArea),
            ("introducer_name", introducerName), ("introducer_first", introducerFirst), ("relationship", relationship),
            ("via_name", viaName), ("common", common),
        ]
        for (key, value) in optional { if let value { v[key] = value } }
        return v
    }
}

extension DraftContext {
    /// The context for a message from `ego` to `target`, optionally through `path` (the warm path's
    /// hops, the first being the introducer).
    ///
    /// - Parameters:
    ///   - goal: what the user is exploring; default: the user's sectors.
    ///   - introducer: overrides the path's first hop (`--via`).
    /// - Complexity: O(deg(ego) + |sectors| + |schools|).
    public init(
        snapshot: NetworkSnapshot, ego: Int32, target: Int32, path: [PathHop], introducer: Int32?, goal: String?
    ) {
        let me = snapshot.people[Int(ego)]
        let them = snapshot.people[Int(target)]
        let introducerNode = introducer ?? (path.count > 1 ? path.first?.node : nil)
        let helper = introducerNode.map { snapshot.people[Int($0)] }
        var via: String?
        if let introducerNode, let i = path.firstIndex(where: { $0.node == introducerNode }), path.count - i > 2 {
            via = snapshot.people[Int(path[i + 1].node)].displayName
        }
        let relationship = introducerNode.flatMap { node in
            snapshot.tie(between: ego, and: node).map { DraftContext.relationshipPhrase(snapshot.ties[Int($0)].kind) }
        }
        let goalText = goal ?? (me.sectors.isEmpty ? nil : DraftContext.list(me.sectors))
        self.init(
            meName: me.displayName, meFirst: me.firstName, targetName: them.displayName, targetFirst: them.firstName,
            targetOrg: snapshot.organization(of: target)?.name ?? them.organization, targetTitle: them.title,
            practiceArea: DraftContext.practiceArea(of: them, goal: goalText), introducerName: helper?.displayName,
            introducerFirst: helper?.firstName, relationship: relationship, viaName: via,
            common: DraftContext.list(DraftContext.common(snapshot: snapshot, ego: ego, target: target)),
            goal: goalText ?? "", isConnected: snapshot.tie(between: ego, and: target) != nil)
    }

    /// What `ego` and `target` share, as verb phrases: "studied at X", "are both at Y",
    /// "care about Z". Matching folds case, accents and punctuation.
    /// - Complexity: O(|schools| + |sectors|).
    public static func common(snapshot: NetworkSnapshot, ego: Int32, target: Int32) -> [String] {
        let me = snapshot.people[Int(ego)]
        let them = snapshot.people[Int(target)]
        var phrases: [String] = []
        let history = snapshot.sharedHistory(ego: ego, other: target)
        let schools = history.schools
        if !schools.isEmpty { phrases.append("studied at " + list(schools)) }
        let mine = snapshot.organizationIndex[Int(ego)]
        if mine >= 0, mine == snapshot.organizationIndex[Int(target)],
            !schools.contains(where: { NameKey.organization($0) == snapshot.organizations[Int(mine)].key })
        {
            phrases.append("are at " + snapshot.organizations[Int(mine)].name)
        }
        if !history.formerEmployers.isEmpty { phrases.append("worked at " + list(history.formerEmployers)) }
        let theirSectors = Set(them.sectors.map(NameKey.person))
        let sectors = me.sectors.filter { theirSectors.contains(NameKey.person($0)) }
        if !sectors.isEmpty { phrases.append("care about " + list(sectors)) }
        return phrases
    }

    /// "a", "a and b", "a, b and c".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    /// How the user would describe a tie to a third person.
    public static func relationshipPhrase(_ kind: TieKind) -> String {
        switch kind {
        case .mentor: return "my mentor"
        case .friend: return "a friend of mine"
        case .colleague: return "a colleague of mine"
        case .classmate: return "a classmate of mine"
        case .formerColleague: return "a former colleague of mine"
        case .acquaintance: return "an acquaintance of mine"
        case .family: return "a member of my family"
        }
    }

    /// The target's sector that the goal mentions, else their first sector.
    static func practiceArea(of person: Person, goal: String?) -> String? {
        if let goal {
            let goalKey = " " + NameKey.person(goal) + " "
            if let hit = person.sectors.first(where: { goalKey.contains(" " + NameKey.person($0) + " ") }) {
                return hit
            }
        }
        return person.sectors.first
    }
}
