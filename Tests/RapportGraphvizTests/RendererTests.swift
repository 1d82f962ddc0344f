import Foundation
import Testing
@testable import RapportGraphviz

/// Rendering through the worker. Serialized: the memory test reads this process's RSS.
@Suite(.serialized) struct RendererTests {
    static let smallDOT = "graph g { a -- b; b -- c; subgraph cluster_x { label=\"X\"; c; d } }\n"

    @Test(arguments: [DiagramFormat.svg, .png, .pdf])
    func eachFormatStartsWithItsMagicBytes(format: DiagramFormat) throws {
        let bytes = try Fixture.renderer.render(dot: Self.smallDOT, engine: .dot, format: format)
        #expect(bytes.starts(with: format.magicBytes))
        #expect(bytes.count > 100)
    }

    @Test func svgIsWellFormedXMLWithOneGroupPerNode() throws {
        let svg = try Fixture.renderer.render(dot: Self.smallDOT, engine: .dot, format: .svg)
        let parsed = try #require(SVGText.parse(svg))
        #expect(parsed.nodeGroups == 4)
        #expect(parsed.texts.contains("X"))
    }

    @Test func pngHasPositiveDimensions() throws {
        let png = try Fixture.renderer.render(dot: Self.smallDOT, engine: .neato, format: .png)
        let size = try #require(pngSize(png))
        #expect(size.width > 0 && size.height > 0)
    }

    @Test(arguments: GraphvizEngine.allCases)
    func everyEngineLaysOutAView(engine: GraphvizEngine) throws {
        let dot = try DiagramView.network.dot(of: Fixture.snapshot(), strengths: Fixture.strengths)
        let svg = try Fixture.renderer.render(dot: dot, engine: engine, format: .svg)
        #expect(SVGText.parse(svg)?.texts.contains("Ana Lopez (you)") == true)
    }

    @Test func dotFormatReturnsTheSourceUnchanged() throws {
        #expect(
            try Fixture.renderer.render(dot: Self.smallDOT, engine: .sfdp, format: .dot) == Array(Self.smallDOT.utf8))
    }

    @Test func malformedDOTGivesASyntaxErrorWithItsLine() throws {
        let bad = "graph g {\n  a -- b;\n  ] c;\n}\n"
        #expect(throws: RenderError.syntax(line: 3, message: "syntax error in line 3 near ']'")) {
            try Fixture.renderer.render(dot: bad, engine: .dot, format: .svg)
        }
        #expect(throws: RenderError.syntax(line: 3, message: "syntax error in line 3 near ']'")) {
            try Fixture.renderer.validate(dot: bad)
        }
        #expect(throws: RenderError.syntax(line: 3, message: "syntax error in line 3 near ']'")) {
            try InProcessRenderer.render(dot: bad, engine: .dot, format: .svg)
        }
        // A good text after a bad one parses whole, and the next bad one counts lines from 1 again.
        #expect(try InProcessRenderer.validate(dot: Self.smallDOT).nodeCount == 4)
        #expect(throws: RenderError.syntax(line: 1, message: "syntax error in line 1 near '}'")) {
            try InProcessRenderer.validate(dot: "graph { a -- }")
        }
        // What follows the first graph of a text never leaks into the next read.
        #expect(try InProcessRenderer.validate(dot: "graph a { x }\ngraph b { y; z }").nodeCount == 1)
        #expect(try InProcessRenderer.validate(dot: "graph c { q [label=Q] }").labels == ["q": "Q"])
    }

    @Test func theWorkerRejectsUnknownEnginesAndFormats() {
        let worker = RenderWorkerLocation.besideCurrentExecutable.resolved().path
        let unknownEngine = try? WorkerProcess.run(
            path: worker, arguments: ["elk", "svg"], input: Data(Self.smallDOT.utf8), timeout: .seconds(30),
            grace: .seconds(1))
        #expect(throws: RenderError.unknownEngine("elk")) { try unknownEngine?.result(timeout: .seconds(30)) }
        let unknownFormat = try? WorkerProcess.run(
            path: worker, arguments: ["dot", "gif"], input: Data(Self.smallDOT.utf8), timeout: .seconds(30),
            grace: .seconds(1))
        #expect(throws: RenderError.unsupportedFormat("gif")) { try unknownFormat?.result(timeout: .seconds(30)) }
        #expect(unknownFormat?.status == RenderWorker.usageStatus)
    }

    @Test func workerMainRejectsAWrongArgumentCountBeforeReadingInput() {
        #expect(RenderWorker.main(arguments: ["dot"]) == RenderWorker.usageStatus)
        #expect(RenderWorker.main(arguments: ["elk", "svg"]) == RenderWorker.usageStatus)
    }

    @Test func inProcessRenderingGivesTheSameKindOfOutput() throws {
        let png = try Renderer(isolation: .inProcess).render(dot: Self.smallDOT, engine: .dot, format: .png)
        #expect(png.starts(with: DiagramFormat.png.magicBytes))
        #expect((pngSize(png)?.width ?? 0) > 0)
    }

    @Test func aWorkerKilledBySignalBecomesACleanError() {
        // Stands in for an assertion abort inside Graphviz: the worker dies by a signal.
        let dying = Renderer(location: .executable("/bin/sh", arguments: ["-c", "kill -KILL $$", "sh"]))
        #expect(throws: RenderError.crashed(signal: SIGKILL)) {
            try dying.render(dot: Self.smallDOT, engine: .dot, format: .svg, timeout: .seconds(30))
        }
    }

    @Test func aWorkerThatOverrunsIsStoppedAfterTheTimeout() {
        let stuck = Renderer(location: .executable("/bin/sh", arguments: ["-c", "exec sleep 30", "sh"]))
        let start = ContinuousClock.now
        #expect(throws: RenderError.timedOut(after: .milliseconds(300))) {
            try stuck.render(dot: Self.smallDOT, engine: .dot, format: .svg, timeout: .milliseconds(300))
        }
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func aRealLayoutCanBeCancelledByTheTimeout() {
        #expect(throws: RenderError.timedOut(after: .milliseconds(1))) {
            try Fixture.renderer.render(dot: Self.smallDOT, engine: .dot, format: .svg, timeout: .milliseconds(1))
        }
    }

    @Test func aMissingWorkerIsReportedWithItsPath() {
        let missing = Renderer(location: .executable("/nonexistent/rapport-render-worker"))
        #expect(
            throws: RenderError.workerUnavailable(
                path: "/nonexistent/rapport-render-worker", reason: "no executable file there")
        ) {
            try missing.render(dot: Self.smallDOT, engine: .dot, format: .svg)
        }
    }

    @Test func theEnvironmentVariableOverridesEveryLocation() {
        let location = RenderWorkerLocation.executable("/usr/bin/rapport", arguments: ["__render-worker"])
        let resolved = location.resolved(environment: ["RAPPORT_RENDER_WORKER": "/opt/worker"])
        #expect(resolved.path == "/opt/worker" && resolved.arguments.isEmpty)
        #expect(location.resolved(environment: [:]).arguments == ["__render-worker"])
        #expect(
            RenderWorkerLocation.besideCurrentExecutable.resolved(environment: [:]).path.hasSuffix(
                "/rapport-render-worker"))
    }

    @Test func formatsComeFromFileExtensions() {
        #expect(DiagramFormat(path: "out/me.SVG") == .svg)
        #expect(DiagramFormat(path: "next.png") == .png)
        #expect(DiagramFormat(path: "graph.gv") == .dot)
        #expect(DiagramFormat(path: "dir.v2/file") == nil)
        #expect(DiagramFormat(path: ".png") == nil)
        #expect(DiagramFormat(path: "a.jpeg") == nil)
    }

    /// Reads this process's RSS, so every other suite running beside it would count as growth
    /// (CI once saw 5.8 MB from them). `make test` runs it alone, after the suite, with
    /// RAPPORT_MEASURES_ALONE=1; a plain `swift test` reports it as skipped.
    @Test(
        .enabled(
            if: ProcessInfo.processInfo.environment["RAPPORT_MEASURES_ALONE"] == "1",
            "measures this process's memory: make test runs it alone"))
    func twoHundredRendersKeepTheParentsMemoryFlat() throws {
        let dot = try DiagramView.network.dot(of: Fixture.snapshot(), strengths: Fixture.strengths)
        for _ in 0..<10 { _ = try Fixture.renderer.render(dot: dot, engine: .dot, format: .svg) }
        let before = try #require(residentBytes())
        let start = ContinuousClock.now
        for _ in 0..<200 {
            let svg = try Fixture.renderer.render(dot: dot, engine: .dot, format: .svg)
            #expect(svg.starts(with: DiagramFormat.svg.magicBytes))
        }
        let elapsed = ContinuousClock.now - start
        let growth = try #require(residentBytes()) - before
        // In process, libgvc leaks tens of kilobytes per clustered render; isolated, nothing piles up.
        #expect(growth < 4 << 20, "RSS grew by \(growth) bytes over 200 renders")
        #expect(elapsed < .seconds(20))
        print("200 worker renders: \(elapsed), RSS growth \(growth) bytes")
    }
}
