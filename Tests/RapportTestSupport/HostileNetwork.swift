/// The native CSV files of a network built from hostile texts (HTML, DOT, formulas, ANSI, RTL
/// override…): for each text i, `h<i>` (the user's colleague, with a logged coffee) and `t<i>` (a
/// colleague of `h<i>`, suggested through them), each with the text as first name, organization,
/// title and note.
public enum HostileNetwork {
    public static func files(_ hostile: [String]) -> (people: String, ties: String, interactions: String) {
        func cell(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var people = "id,first_name,last_name,organization,title,sectors,notes\n"
        var ties = "person_a,person_b,kind\n"
        var interactions = "date,person,kind,one_on_one,minutes,rapport,initiated_by,notes\n"
        for (i, text) in hostile.enumerated() {
            for id in ["h\(i)", "t\(i)"] {
                people += [id, cell(text), "", cell(text), cell(text), "law", cell(text)].joined(separator: ",") + "\n"
            }
            ties += "me,h\(i),colleague\nh\(i),t\(i),colleague\n"
            interactions += "2026-10-01,h\(i),coffee,true,45,5,me,\(cell(text))\n"
        }
        return (people, ties, interactions)
    }
}
