extension SuggestionEngine {
    /// The warm paths from `ego` to `target`, one per distinct first hop, best first, each hop with
    /// the person's id and name (`rapport path PERSON --top 3`). See `WarmPaths.bestPathsByFirstHop`.
    ///
    /// - Parameters:
    ///   - target: the person to reach.
    ///   - ego: the user.
    ///   - top: how many paths; 0 returns all.
    ///   - maxHops: the longest path; `nil` uses the configuration's `maxHops`.
    /// - Throws: `SuggestionError.unknownPerson` for a node outside the snapshot, `.invalidLimit`.
    /// - Complexity: O(h · E_h + V + E) (see `WarmPaths`).
    public func paths(to target: Int32, from ego: Int32, top: Int, maxHops: Int? = nil) throws(SuggestionError) -> [WarmPath] {
        guard ego >= 0, Int(ego) < snapshot.personCount else { throw .unknownPerson(ego) }
        guard target >= 0, Int(target) < snapshot.personCount else { throw .unknownPerson(target) }
        guard top >= 0 else { throw .invalidLimit(name: "top", value: top) }
        let hops = maxHops ?? configuration.maxHops
        guard hops >= 1 else { throw .invalidLimit(name: "maxHops", value: hops) }
        let found: [WarmPath]
        do {
            found = try WarmPaths.bestPathsByFirstHop(
                graph: snapshot.graph, strengths: strengths, from: ego, to: target, maxHops: hops, top: top)
        } catch {
            throw .invalidStrengths(error)
        }
        return found.map { path in
            var path = path
            path.hops = path.hops.map(named)
            return path
        }
    }
}
