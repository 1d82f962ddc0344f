import Rapport

/// "Did you mean" for person names.
public enum NameSuggestion {
    /// The display name closest to `reference` by edit distance on name keys, when close enough
    /// (at most a third of its length, and at least 2).
    /// - Complexity: O(d · k²) for d distinct name keys of length about k.
    public static func closestName(to reference: String, in snapshot: NetworkSnapshot) -> String? {
        let key = Array(NameKey.person(reference).unicodeScalars)
        guard !key.isEmpty else { return nil }
        let limit = max(2, key.count / 3)
        var best: (distance: Int, person: Int)?
        // The people's name keys are a column: no person is made and no name normalized again.
        let keys = snapshot.people.nameKeys
        var distanceOfValue = [Int](repeating: -1, count: keys.values.count)  // -1: not computed yet
        for (person, code) in keys.codes.enumerated() where code >= 0 {
            var d = distanceOfValue[Int(code)]
            if d < 0 {
                // UTF-8 takes 1 to 4 bytes per scalar: skip values whose length alone rules them out.
                let bytes = Int(keys.values.starts[Int(code) + 1] - keys.values.starts[Int(code)])
                if bytes < key.count - limit || bytes > 4 * (key.count + limit) {
                    d = Int.max
                } else {
                    let candidate = Array(keys.values[Int(code)].unicodeScalars)
                    d = abs(candidate.count - key.count) <= limit ? editDistance(key, candidate) : Int.max
                }
                distanceOfValue[Int(code)] = d
            }
            if d <= limit, d < (best?.distance ?? .max) { best = (d, person) }
        }
        return best.map { snapshot.people.displayName(Int32($0.person)) }
    }

    /// Levenshtein distance.
    /// - Complexity: O(a · b).
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
