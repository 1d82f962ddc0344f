import Rapport
import RapportCSV
import RapportGraphviz
import RapportReport
import RapportStore
import RapportUseCases
import Testing

/// The one mapping of every error type to a message and a kind (exit 2 for bad input, 1 for a
/// failure). Each row's message is the text a person sees, written out here by hand.
@Suite struct ErrorReportTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var error: any Error & Sendable
        var message: String
        var kind: ErrorReport.Kind
        var testDescription: String { "\(type(of: error)): \(message)" }
    }

    static let cases: [Case] = [
        Case(error: UseCaseError.badInput("people.csv: no people listed"), message: "people.csv: no people listed", kind: .badInput),
        Case(error: UseCaseError.failure("out: cannot write: Permission denied"), message: "out: cannot write: Permission denied", kind: .failure),
        Case(
            error: ImportError(.missingColumn("id", format: "native people"), at: SourceLocation(path: "people.csv", line: 1, column: 1)),
            message: "people.csv:1:1: missing required column 'id' for the native people format", kind: .badInput),
        Case(
            error: BulkError.unbalancedQuote(path: "ties.csv", line: 57, column: 7),
            message: "ties.csv:57:7: unbalanced quote: the quoted field opened here never closes", kind: .badInput),
        Case(error: BulkError.readFailed(path: "ties.csv", reason: "I/O error"), message: "ties.csv: read failed: I/O error", kind: .failure),
        Case(
            error: ConfigurationError.invalidValue(TextLocation(line: 4, column: 1), section: "strength", key: "half_life_days", expected: "a number of days > 0"),
            message: "4:1: 'half_life_days' in [strength] must be a number of days > 0", kind: .badInput),
        Case(error: StoreError.notFound(path: "x.db"), message: "no workspace at x.db — run `rapport init` or pass --db", kind: .badInput),
        Case(
            error: StoreError.busy(path: "x.db"),
            message: "workspace busy: another rapport process is writing x.db; try again when it finishes", kind: .failure),
        Case(error: NetworkError.unknownPerson("Dana"), message: "no person matches 'Dana'", kind: .badInput),
        Case(error: GraphError.selfLoop(edge: 3), message: "edge 3 joins a node to itself", kind: .badInput),
        Case(error: IdentifierTableError.duplicate("p1"), message: "the id 'p1' appears twice", kind: .badInput),
        Case(error: RenderError.unknownOrganization("Acme"), message: "no organization matches 'Acme'", kind: .badInput),
        Case(
            error: RenderError.crashed(signal: 6), message: "the Graphviz worker crashed (signal 6); Rapport itself is unaffected",
            kind: .failure),
        Case(
            error: ScoringError.invalidStrength(1.5), message: "a strength must be greater than 0 and at most 1, not 1.5",
            kind: .badInput),
        Case(error: SuggestionError.unknownPerson(7), message: "person 7 is not in the network", kind: .badInput),
        Case(
            error: SuggestionError.invalidStrengths(.invalidStrength(edge: 2, value: 0)),
            message: "invalid tie strengths: edge 2 has strength 0.0; strengths must lie in (0, 1]", kind: .failure),
        Case(error: PathError.invalidHopLimit(0), message: "the hop limit must be at least 1, got 0", kind: .badInput),
        Case(
            error: PathError.edgeCountMismatch(expected: 3, actual: 2), message: "expected one value per edge (3), got 2",
            kind: .failure),
        Case(
            error: FollowThroughError.questionBankSyntax(line: 3, reason: "a question outside a section"),
            message: "question bank:3: a question outside a section", kind: .badInput),
        Case(
            error: ReportError.unknownEgo(9), message: "no person has index 9 in this network, so there is nobody to report on",
            kind: .badInput),
        Case(
            error: ReportError.diagram(id: "ego", .timedOut(after: .seconds(2))),
            message: "cannot draw the ego diagram: the layout took longer than 2 s and was stopped; try the `orgs` view, a filter, or the sfdp engine",
            kind: .failure),
        Case(error: SnapshotFileError.io("rapport.db-snapshot: disk full"), message: "rapport.db-snapshot: disk full", kind: .failure),
    ]

    @Test(arguments: cases) func everyErrorTypeHasItsMessageAndKind(_ c: Case) {
        #expect(ErrorReport(c.error) == ErrorReport(message: c.message, kind: c.kind))
    }

    /// An error type the mapping does not know is a failure, never bad input.
    @Test func anUnknownErrorIsAFailure() {
        struct Strange: Error {}
        #expect(ErrorReport(Strange()).kind == .failure)
    }
}
