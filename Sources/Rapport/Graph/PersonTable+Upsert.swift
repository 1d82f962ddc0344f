/// Rewriting rows of a `PersonTable` in place, for a snapshot brought up to date after a small
/// write (`NetworkSnapshot.applying(_:isStoredTie:)`).
///
/// A rewritten value is appended to its column as a new value rather than looked up among the
/// existing ones: the table then reads exactly as one built from scratch, row for row, though its
/// `values` keep the old spelling and share less. Looking up would cost a pass over a column of up
/// to a million values per field; a day of logged coffees adds a few strings.
extension PersonTable {
    /// The table with `person` in row `row` (an existing row, or `count` to append one).
    /// - Complexity: O(1) for a single-valued field; O(people) for a list field whose length
    ///   changes in an existing row (its offsets after the row move).
    func upserting(_ changes: [(row: Int, person: Person)]) -> PersonTable {
        var ids = self.ids
        var single = singleColumns, lists = listColumns
        for (row, person) in changes {
            precondition(row <= ids.count, "a row of the table, or the next one")
            if row == ids.count { ids.append(person.id) }
            let values = PersonTable.singleValues(of: person)
            for c in 0..<single.count { single[c].set(row, to: values[c]) }
            let listValues = PersonTable.listValues(of: person)
            for c in 0..<lists.count { lists[c].set(row, to: listValues[c]) }
        }
        guard let table = PersonTable(ids: ids, single: single, lists: lists) else {
            preconditionFailure("same column counts")
        }
        return table
    }

    /// A person's single-valued fields in the order of `singleColumns`, as `Builder.append` stores them.
    private static func singleValues(of p: Person) -> [String?] {
        let url = p.profileURL.flatMap { $0.isEmpty ? nil : ProfileURL.key($0) }
        return [p.firstName, p.lastName, p.profileURL, p.organization, p.title, p.location, p.nameKey, url]
    }

    /// A person's list fields in the order of `listColumns`.
    private static func listValues(of p: Person) -> [[String]] {
        [p.emails, p.sectors, p.schools, p.tags, p.notes, p.pastOrganizations]
    }
}

extension InternedColumn {
    /// Row `r` (or a new last row when `r == count`) holding `value`, stored as a new value.
    mutating func set(_ r: Int, to value: String?) {
        if r == codes.count { codes.append(-1) }
        guard let value else {
            codes.modify { $0[r] = -1 }
            return
        }
        values.append(value)
        let code = Int32(values.count - 1)
        codes.modify { $0[r] = code }
    }
}

extension InternedListColumn {
    /// Row `r` (or a new last row when `r == count`) holding `list`, each item stored as a new value.
    mutating func set(_ r: Int, to list: [String]) {
        if r == count { offsets.append(UInt32(codes.count)) }
        let old = Int(offsets[r])..<Int(offsets[r + 1])
        var new: [Int32] = []
        for item in list {
            values.append(item)
            new.append(Int32(values.count - 1))
        }
        codes.modify { $0.replaceSubrange(old, with: new) }
        let shift = new.count - old.count
        guard shift != 0 else { return }
        offsets.modify { offsets in
            for i in (r + 1)..<offsets.count { offsets[i] = UInt32(Int(offsets[i]) + shift) }
        }
    }
}
