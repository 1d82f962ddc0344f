/// The rules for moving a target through the pipeline.
///
/// An explicit move (`rapport status`) may go anywhere, backwards included: the user knows best.
/// A move implied by `rapport log` or `rapport intro` only goes forward and never reopens a closed
/// target, so that recording an old coffee or re-recording an introduction does not undo progress.
public enum Pipeline {
    /// The transition that results from asking to move `personID` to `stage` on `date`, or `nil`
    /// when nothing changes.
    ///
    /// - Parameters:
    ///   - current: the person's entry now, `nil` when they are not in the pipeline.
    ///   - stage: the stage asked for.
    ///   - source: `.explicit` allows any move; other sources only move forward, never out of `closed`.
    /// - Returns: `nil` when the person is already in `stage` (an explicit move with a new note still
    ///   records the note) or when an implied move would go backwards.
    /// - Complexity: O(1).
    public static func transition(
        from current: PipelineEntry?, personID: String, to stage: PipelineStage, on date: Day, note: String = "",
        source: PipelineSource
    ) -> PipelineTransition? {
        if let current {
            if current.stage == stage && (source != .explicit || note.isEmpty || note == current.note) { return nil }
            if source != .explicit {
                if current.stage == .closed || stage.rank <= current.stage.rank { return nil }
            }
        }
        return PipelineTransition(
            personID: personID, from: current?.stage, to: stage, date: date, note: note, source: source)
    }

    /// The entry after `transition`; a note-only change keeps the day the stage began.
    /// - Complexity: O(1).
    public static func entry(after transition: PipelineTransition, replacing current: PipelineEntry?) -> PipelineEntry {
        if let current, current.stage == transition.to {
            return PipelineEntry(
                personID: current.personID, stage: current.stage, since: current.since, note: transition.note)
        }
        return PipelineEntry(
            personID: transition.personID, stage: transition.to, since: transition.date, note: transition.note)
    }

    /// Entries grouped by stage in pipeline order, longest-waiting first within a stage (then by id),
    /// with empty stages left out.
    /// - Complexity: O(n log n).
    public static func board(_ entries: [PipelineEntry]) -> [(stage: PipelineStage, entries: [PipelineEntry])] {
        let grouped = Dictionary(grouping: entries, by: \.stage)
        return PipelineStage.allCases.compactMap { stage in
            guard let list = grouped[stage], !list.isEmpty else { return nil }
            let sorted = list.sorted { ($0.since, $0.personID) < ($1.since, $1.personID) }
            return (stage, sorted)
        }
    }
}
