import Rapport
import RapportReport
import Testing

/// The interview brief's HTML page, built with Plot: every piece of contact data escaped by the
/// HTML policy, the sections in order.
@Suite struct InterviewBriefPageTests {
    static let day = Day(iso: "2026-11-20")!

    static func brief(contacts: Int = 1) -> InterviewBrief {
        let notes = "Talked about <b>licensing</b> & clerkships \u{1B}[31m\u{202E}"
        let history = (0..<contacts).map {
            InterviewBrief.Contact(date: Day(iso: "2026-10-01")!.adding(days: -$0), kind: .coffee, minutes: 30, notes: notes)
        }
        return InterviewBrief(
            name: "Siobhán O'Neil", title: "Partner", organization: "Greaves & Ibarra", sectors: ["intellectual property"],
            path: [.init(name: "Maria <Chen>", strength: 0.8), .init(name: "Siobhán O'Neil", strength: 0.5)],
            reliability: 0.4, common: ["care about <script>"], contacts: history,
            questions: ["How did you decide between prosecution, litigation and transactional IP work?"], asOf: day)
    }

    @Test func everyPieceOfContactDataIsEscaped() {
        let html = Self.brief().html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Interview brief: Siobhán O&#39;Neil</title>"))
        #expect(html.contains("<h1>Interview brief: Siobhán O&#39;Neil</h1>"))
        #expect(html.contains("<dt>Role</dt><dd>Partner, Greaves &amp; Ibarra</dd>"))
        #expect(html.contains("<li>2026-10-01 · coffee, 30 min: Talked about &lt;b&gt;licensing&lt;/b&gt; &amp; clerkships [31m</li>"))
        #expect(html.contains("<li>You both care about &lt;script&gt;</li>"))
        #expect(html.contains("<p class=\"path\">You → Maria &lt;Chen&gt; (0.80) → Siobhán O&#39;Neil (0.50)</p>"))
        #expect(html.contains("<p>Path reliability 0.40: ask Maria &lt;Chen&gt; for the introduction.</p>"))
        #expect(html.contains("<ol><li>How did you decide between prosecution, litigation and transactional IP work?</li></ol>"))
        #expect(!html.contains("<b>licensing") && !html.contains("<script") && !html.unicodeScalars.contains("\u{1B}"))
        #expect(!html.unicodeScalars.contains("\u{202E}"))
    }

    @Test func aLongHistoryIsCounted() {
        let html = Self.brief(contacts: 11).html()
        #expect(html.contains("<li>… and 3 earlier conversations (first on 2026-09-21)</li>"))
        #expect(!html.contains("2026-09-23"))
    }
}
