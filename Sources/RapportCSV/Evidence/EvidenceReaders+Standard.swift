extension EvidenceReaders {
    /// The evidence readers of this build, as `rapport import` uses them: each entry calls one
    /// reader of `Evidence/LinkedIn`, `Evidence/Calendar` and `Evidence/Mail`, and a reader this
    /// build does not have stays `nil` (its files are then not recognized as evidence).
    public static var standard: EvidenceReaders { EvidenceReaders() }
}
