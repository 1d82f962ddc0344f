import Foundation
import Testing

/// Issue 17 item 7: the placeholder user "Me" is replaced by real data and warned about where it
/// would be written in the user's name.
@Suite struct PlaceholderNameTests {
    static let people = "id,first_name,last_name,organization,title,sectors\np1,Maria,Chen,Wilson,Partner,law\n"

    @Test func aPeopleRowForMeReplacesThePlaceholderAndDraftsStopWarning() throws {
        let cli = try CLI()
        try cli.run("init")
        try cli.write("people.csv", Self.people)
        #expect(try cli.run("import", "people.csv").status == 0)
        let placeholder = try cli.run("draft", "p1", "--as-of", "2026-11-20")
        #expect(placeholder.status == 0, "\(placeholder.stderr)")
        let warning =
            "warning: you are still named \"Me\", the placeholder of `rapport init`; set your name with `rapport init --me \"First Last\"`"
        #expect(placeholder.stderr.contains(warning), "\(placeholder.stderr)")
        let prep = try cli.run("prep", "p1", "--as-of", "2026-11-20")
        #expect(prep.stderr.contains(warning), "\(prep.stderr)")

        try cli.write("me.csv", "id,first_name,last_name\nme,Jordan,Alvarez\n")
        #expect(try cli.run("import", "me.csv").status == 0)
        let named = try cli.run("draft", "p1", "--as-of", "2026-11-20")
        #expect(named.status == 0, "\(named.stderr)")
        #expect(!named.stderr.contains("placeholder"), "\(named.stderr)")
        #expect(named.stdout.contains("Jordan") && !named.stdout.contains("Me Alvarez"), "\(named.stdout)")
    }
}
