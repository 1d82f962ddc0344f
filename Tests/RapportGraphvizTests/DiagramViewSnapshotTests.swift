import Testing
import RapportGraphviz

/// DOT snapshots of each view on `Fixture`. The expected text was written from the fixture by hand
/// (penwidth = 0.6 + 3.4 s; bands weak < 0.3 ≤ medium < 0.6 ≤ strong; reach into Wilson = 0.8,
/// into Acme = 0.1; best path to Dana = 0.1 × 0.4 = 0.04, to Raj = 0.8 × 0.5 = 0.40) and checked
/// line by line against the rendered pictures.
@Suite struct DiagramViewSnapshotTests {
    static let header = #"""
          node [color="#78909c", fillcolor="#eceff1", fontname="Helvetica", fontsize="11", shape="box", style="rounded,filled"];
          edge [color="#9e9e9e"];
          n0 [fillcolor="#ffd54f", fontsize="13", label="Ana Lopez (you)", penwidth="2"];

        """#
    static let personLegend = #"""
          subgraph cluster_legend {
            graph [color="#b0bec5", label="", style="rounded"];
            legend [label=<<table border="0" cellborder="0" cellspacing="3"><tr><td colspan="2"><b>Legend</b></td></tr><tr><td bgcolor="#ffd54f" width="24" border="1"></td><td align="left">you</td></tr><tr><td><font color="#1a4f9c">━━━</font></td><td align="left">strong tie (s ≥ 0.6)</td></tr><tr><td><font color="#5b8fd6">━━━</font></td><td align="left">medium tie (0.3 ≤ s &lt; 0.6)</td></tr><tr><td><font color="#9e9e9e">- - -</font></td><td align="left">weak tie (s &lt; 0.3), dashed</td></tr></table>>, shape="plain", style=""];
          }

        """#
    static let organizationLegend = #"""
          subgraph cluster_legend {
            graph [color="#b0bec5", label="", style="rounded"];
            legend [label=<<table border="0" cellborder="0" cellspacing="3"><tr><td colspan="2"><b>Legend</b></td></tr><tr><td bgcolor="#ffd54f" width="24" border="1"></td><td align="left">you</td></tr><tr><td bgcolor="#c5e1a5" width="24" border="1"></td><td align="left">on a warm path</td></tr><tr><td><font color="#1a4f9c">━━━</font></td><td align="left">strong tie (s ≥ 0.6)</td></tr><tr><td><font color="#5b8fd6">━━━</font></td><td align="left">medium tie (0.3 ≤ s &lt; 0.6)</td></tr><tr><td><font color="#9e9e9e">- - -</font></td><td align="left">weak tie (s &lt; 0.3), dashed</td></tr></table>>, shape="plain", style=""];
          }

        """#
    static let pathLegend = #"""
          subgraph cluster_legend {
            graph [color="#b0bec5", label="", style="rounded"];
            legend [label=<<table border="0" cellborder="0" cellspacing="3"><tr><td colspan="2"><b>Legend</b></td></tr><tr><td bgcolor="#ffd54f" width="24" border="1"></td><td align="left">you</td></tr><tr><td bgcolor="#f48fb1" width="24" border="1"></td><td align="left">target</td></tr><tr><td bgcolor="#c5e1a5" width="24" border="1"></td><td align="left">on a warm path</td></tr><tr><td><font color="#1a4f9c">━━━</font></td><td align="left">strong tie (s ≥ 0.6)</td></tr><tr><td><font color="#5b8fd6">━━━</font></td><td align="left">medium tie (0.3 ≤ s &lt; 0.6)</td></tr><tr><td><font color="#9e9e9e">- - -</font></td><td align="left">weak tie (s &lt; 0.3), dashed</td></tr></table>>, shape="plain", style=""];
          }

        """#

    func dot(_ view: DiagramView, _ options: DiagramOptions = DiagramOptions()) throws -> String {
        try view.dot(of: Fixture.snapshot(), strengths: Fixture.strengths, options: options)
    }

    @Test func networkViewClustersEveryoneByOrganization() throws {
        let expected = #"""
            graph rapport {
              graph [fontname="Helvetica", fontsize="12", label="Network", labelloc="t", outputorder="edgesfirst"];

            """# + Self.header + #"""
                  n4 [label="Sam Ortiz"];

                """# + Self.personLegend + #"""
                  subgraph cluster_o0 {
                    graph [color="#b0bec5", fontname="Helvetica", label="Wilson LLP", style="rounded"];
                    n1 [label="Maria Chen"];
                    n2 [label="Raj Patel"];
                  }
                  subgraph cluster_o1 {
                    graph [color="#b0bec5", fontname="Helvetica", label="Acme Corp.", style="rounded"];
                    n3 [label="Lee Kim"];
                    n5 [label="Dana Fox"];
                  }
                  n0 -- n1 [color="#1a4f9c", penwidth="3.32"];
                  n0 -- n3 [color="#9e9e9e", penwidth="0.94", style="dashed"];
                  n0 -- n4 [color="#9e9e9e", penwidth="1.28", style="dashed"];
                  n1 -- n2 [color="#5b8fd6", penwidth="2.30"];
                  n3 -- n4 [color="#1a4f9c", penwidth="2.98"];
                  n3 -- n5 [color="#5b8fd6", penwidth="1.96"];
                }

                """#
        #expect(try dot(.network) == expected)
    }

    @Test func egoViewOfRadiusOneShowsTheUsersContactsAndTheirTies() throws {
        let expected = #"""
            graph rapport {
              graph [fontname="Helvetica", fontsize="12", label="Your network", labelloc="t", outputorder="edgesfirst"];

            """# + Self.header + #"""
                  n4 [label="Sam Ortiz"];

                """# + Self.personLegend + #"""
                  subgraph cluster_o0 {
                    graph [color="#b0bec5", fontname="Helvetica", label="Wilson LLP", style="rounded"];
                    n1 [label="Maria Chen"];
                  }
                  subgraph cluster_o1 {
                    graph [color="#b0bec5", fontname="Helvetica", label="Acme Corp.", style="rounded"];
                    n3 [label="Lee Kim"];
                  }
                  n0 -- n1 [color="#1a4f9c", penwidth="3.32"];
                  n0 -- n3 [color="#9e9e9e", penwidth="0.94", style="dashed"];
                  n0 -- n4 [color="#9e9e9e", penwidth="1.28", style="dashed"];
                  n3 -- n4 [color="#1a4f9c", penwidth="2.98"];
                }

                """#
        #expect(try dot(.ego(radius: 1)) == expected)
    }

    @Test func organizationViewShowsMembersAndTheContactsWhoLeadIn() throws {
        let expected = #"""
            graph rapport {
              graph [fontname="Helvetica", fontsize="12", label="Your reach into Acme Corp.: 0.10", labelloc="t", outputorder="edgesfirst", rankdir="LR"];

            """# + Self.header + #"""
                  n4 [fillcolor="#c5e1a5", label="Sam Ortiz"];

                """# + Self.organizationLegend + #"""
                  subgraph cluster_o1 {
                    graph [color="#b0bec5", fontname="Helvetica", label="Acme Corp.", style="rounded"];
                    n3 [label="Lee Kim"];
                    n5 [label="Dana Fox"];
                  }
                  n0 -- n3 [color="#9e9e9e", penwidth="0.94", style="dashed"];
                  n0 -- n4 [color="#9e9e9e", penwidth="1.28", style="dashed"];
                  n3 -- n4 [color="#1a4f9c", penwidth="2.98"];
                  n3 -- n5 [color="#5b8fd6", penwidth="1.96"];
                }

                """#
        #expect(try dot(.organization("ACME, Inc.")) == expected)
    }

    @Test func pathViewLabelsEachTieAndTheBestPathsReliability() throws {
        let expected = #"""
            graph rapport {
              graph [fontname="Helvetica", fontsize="12", label="2 warm paths to the target", labelloc="t", outputorder="edgesfirst", rankdir="LR"];

            """# + Self.header + #"""
                  n3 [fillcolor="#c5e1a5", label="Lee Kim\nAcme Corp."];
                  n4 [fillcolor="#c5e1a5", label="Sam Ortiz"];
                  n5 [fillcolor="#f48fb1", label="Dana Fox\nAcme Corp.\nbest path 0.04", penwidth="2"];

                """# + Self.pathLegend + #"""
                  n0 -- n3 [color="#9e9e9e", fontname="Helvetica", fontsize="9", label="0.10", penwidth="0.94", style="dashed"];
                  n0 -- n4 [color="#9e9e9e", fontname="Helvetica", fontsize="9", label="0.20", penwidth="1.28", style="dashed"];
                  n3 -- n4 [color="#1a4f9c", fontname="Helvetica", fontsize="9", label="0.70", penwidth="2.98"];
                  n3 -- n5 [color="#5b8fd6", fontname="Helvetica", fontsize="9", label="0.40", penwidth="1.96"];
                }

                """#
        #expect(try dot(.path(target: 5, paths: [[0, 3, 5], [0, 4, 3, 5]])) == expected)
    }

    @Test func suggestionsViewRanksTargetsAndHighlightsTheirPaths() throws {
        let expected = #"""
            graph rapport {
              graph [fontname="Helvetica", fontsize="12", label="Your next informational interviews", labelloc="t", outputorder="edgesfirst", rankdir="LR"];

            """# + Self.header + #"""
                  n1 [fillcolor="#c5e1a5", label="Maria Chen\nWilson LLP"];
                  n2 [fillcolor="#f48fb1", label="1. Raj Patel\nWilson LLP\nbest path 0.40", penwidth="2"];
                  n3 [fillcolor="#c5e1a5", label="Lee Kim\nAcme Corp."];
                  n5 [fillcolor="#f48fb1", label="2. Dana Fox\nAcme Corp.\nbest path 0.04", penwidth="2"];

                """# + Self.pathLegend + #"""
                  n0 -- n1 [color="#1a4f9c", fontname="Helvetica", fontsize="9", label="0.80", penwidth="3.32"];
                  n0 -- n3 [color="#9e9e9e", fontname="Helvetica", fontsize="9", label="0.10", penwidth="0.94", style="dashed"];
                  n1 -- n2 [color="#5b8fd6", fontname="Helvetica", fontsize="9", label="0.50", penwidth="2.30"];
                  n3 -- n5 [color="#5b8fd6", fontname="Helvetica", fontsize="9", label="0.40", penwidth="1.96"];
                }

                """#
        let targets = [DiagramTarget(node: 2, paths: [[0, 1, 2]]), DiagramTarget(node: 5, paths: [[0, 3, 5]])]
        #expect(try dot(.suggestions(targets)) == expected)
    }

    @Test func organizationsViewSizesByPeopleAndColoursByReach() throws {
        // Fill #457b4a = #eceff1 + 0.8 × (#1b5e20 − #eceff1), channel by channel, rounded;
        // width 0.8 + 0.3 √2 = 1.22, height 0.5 + 0.2 √2 = 0.78, fontsize 10 + 1.5 √2 = 12.12.
        let expected = #"""
            graph rapport {
              graph [fontname="Helvetica", fontsize="12", label="Your reach into each organization", labelloc="t", outputorder="edgesfirst", root="n0"];

            """# + Self.header + #"""
                  o0 [fillcolor="#457b4a", fontcolor="white", fontsize="12.12", height="0.78", label="Wilson LLP\n2 people · reach 0.80", shape="ellipse", style="filled", width="1.22"];
                  o1 [fillcolor="#d7e1dc", fontsize="12.12", height="0.78", label="Acme Corp.\n2 people · reach 0.10", shape="ellipse", style="filled", width="1.22"];
                  subgraph cluster_legend {
                    graph [color="#b0bec5", label="", style="rounded"];
                    legend [label=<<table border="0" cellborder="0" cellspacing="3"><tr><td colspan="2"><b>Legend</b></td></tr><tr><td bgcolor="#ffd54f" width="24" border="1"></td><td align="left">you</td></tr><tr><td bgcolor="#306d35" width="24" border="1"></td><td align="left">reach 0.9: a strong way in</td></tr><tr><td bgcolor="#84a789" width="24" border="1"></td><td align="left">reach 0.5</td></tr><tr><td bgcolor="#eceff1" width="24" border="1"></td><td align="left">no reach yet</td></tr><tr><td></td><td align="left">size: number of people</td></tr></table>>, shape="plain", style=""];
                  }
                  n0 -- o0 [color="#1a4f9c", penwidth="3.32"];
                  n0 -- o1 [color="#9e9e9e", penwidth="0.94", style="dashed"];
                }

                """#
        #expect(try dot(.organizations) == expected)
    }

    @Test func sameInputsGiveByteIdenticalDOT() throws {
        for view in [DiagramView.network, .ego(radius: 2), .organizations] {
            #expect(try dot(view) == dot(view))
        }
    }
}
