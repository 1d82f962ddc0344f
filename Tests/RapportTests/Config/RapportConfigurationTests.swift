import Testing

@testable import Rapport

@Suite("Configuration")
struct RapportConfigurationTests {
    func message(_ text: String) -> String? {
        do {
            _ = try RapportConfiguration(toml: text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func anEmptyFileKeepsEveryDefault() throws {
        let configuration = try RapportConfiguration(toml: "")
        #expect(configuration.strength == StrengthConfiguration.default)
        #expect(configuration == RapportConfiguration.default)
        #expect(configuration.section("suggest").isEmpty)
    }

    @Test func defaultsAreTheDocumentedValues() {
        let d = StrengthConfiguration.default
        #expect(d.halfLifeDays == 180)
        #expect(d.embeddednessMax == 0.05)
        #expect(d.unratedRapport == 0.6)
        #expect(d.floor == 0.01)
        #expect(d.weight(of: .informationalInterview) == 1 && d.weight(of: .coffee) == 1 && d.weight(of: .meeting) == 1)
        // Per row: the richer the channel, the more it weighs. Email and messages weigh per exchange
        // (a day's worth), between a call and a thank-you note.
        let order: [InteractionKind] = [.meeting, .videoCall, .call, .referral, .thankYou, .event, .endorsement]
        for i in 1..<order.count { #expect(d.weight(of: order[i - 1]) > d.weight(of: order[i])) }
        #expect(d.weight(of: .email) == 0.6 && d.weight(of: .message) == 0.6 && d.weight(of: .invitation) == 0.15)
        #expect(d.weight(of: .recommendation) == d.weight(of: .referral))
        #expect(d.weight(of: .call) > d.weight(of: .email) && d.weight(of: .email) > d.weight(of: .thankYou))
        #expect(Set(d.interactionWeights.keys) == Set(InteractionKind.allCases))
        #expect(Set(d.tieBase.keys) == Set(TieKind.allCases))
        #expect(d.sourceWeights == [.native: 1, .linkedin: 0.9, .calendar: 0.9, .mail: 0.8])
        #expect(Set(d.sourceWeights.keys) == Set(InteractionSource.allCases))
    }

    @Test func valuesOverrideDefaultsAndOtherSectionsStayReadable() throws {
        let configuration = try RapportConfiguration(
            toml: """
                [strength]
                half_life_days = 90
                embeddedness_max = 0
                [strength.interactions]
                event = 0.05
                [strength.ties]
                former_colleague = 0.22
                [strength.sources]
                mail = 0.5
                [suggest]
                top = 10
                sectors = ["ip law"]
                """)
        #expect(configuration.strength.weight(of: .mail) == 0.5)
        #expect(configuration.strength.weight(of: .linkedin) == 0.9)
        #expect(configuration.strength.halfLifeDays == 90)
        #expect(configuration.strength.embeddednessMax == 0)
        #expect(configuration.strength.weight(of: .event) == 0.05)
        #expect(configuration.strength.weight(of: .coffee) == 1)
        #expect(configuration.strength.base(of: .formerColleague) == 0.22)
        #expect(configuration.section("suggest")["top"] == .integer(10))
        #expect(configuration.section("suggest")["sectors"] == .array([.string("ip law")]))
        #expect(configuration.entries(of: "suggest")["top"]?.location == TextLocation(line: 11, column: 1))
        #expect(
            configuration.sectionNames == ["strength", "strength.interactions", "strength.sources", "strength.ties", "suggest"])
    }

    @Test func unknownStrengthKeysNameTheKeyAndTheKnownKeys() {
        #expect(
            message("[strength]\nhalf_life = 90")
                == "2:1: unknown key 'half_life' in [strength]; known keys: duration_scale_days, duration_weight, "
                + "embeddedness_max, floor, group_factor, half_life_days, inferred_factor, initiated_by_them_weight, "
                + "introduction_weight, length_factor_max, length_factor_min, length_norm_minutes, note_factor, "
                + "one_way_factor, reciprocity_saturation, referral_weight, reply_weight, saturation, since_scale_days, "
                + "since_weight, unrated_rapport, volume_lift, volume_lift_scale, words_norm")
        #expect(
            message("[strength.sources]\nnative = 1\n  gmail = 0.5")
                == "3:3: unknown key 'gmail' in [strength.sources]; known keys: calendar, linkedin, mail, native")
        #expect(
            message("[strength.ties]\nboss = 1")
                == "2:1: unknown key 'boss' in [strength.ties]; known keys: acquaintance, classmate, colleague, family, "
                + "former_colleague, friend, mentor")
        #expect(
            message("[strength.interactions]\nlunch = 1")?.hasPrefix(
                "2:1: unknown key 'lunch' in [strength.interactions]; known keys: call, coffee") == true)
    }

    @Test func outOfRangeAndMistypedValuesAreLocatedErrors() {
        #expect(
            message("[strength]\nhalf_life_days = 0")
                == "2:1: 'half_life_days' in [strength] must be a number greater than 0 and at most 36500")
        #expect(
            message("[strength]\n  floor = \"low\"")
                == "2:3: 'floor' in [strength] must be a number greater than 0 and at most 0.5")
        #expect(message("[strength]\nsaturation = nan")?.hasPrefix("2:1: 'saturation' in [strength] must be") == true)
        #expect(
            message("[strength]\nduration_weight = -0.1")?.hasPrefix(
                "2:1: 'duration_weight' in [strength] must be a number at least 0") == true)
        #expect(
            message("[strength.interactions]\ncoffee = 2")
                == "2:1: 'coffee' in [strength.interactions] must be a number from 0 to 1")
        #expect(
            message("[strength.sources]\n\nlinkedin = 1.5")
                == "3:1: 'linkedin' in [strength.sources] must be a number from 0 to 1")
        #expect(
            message("[strength.sources]\ncalendar = \"high\"")
                == "2:1: 'calendar' in [strength.sources] must be a number from 0 to 1")
        #expect(
            message("[strength]\none_way_factor = 1.2")
                == "2:1: 'one_way_factor' in [strength] must be a number at least 0 and at most 1")
        #expect(
            message("[strength]\nnote_factor = 0.5")
                == "2:1: 'note_factor' in [strength] must be a number at least 1 and at most 10")
        #expect(
            message("[strength]\nvolume_lift_scale = 0")
                == "2:1: 'volume_lift_scale' in [strength] must be a number greater than 0 and at most 100000")
        #expect(
            message("[strength]\nlength_factor_min = 0.9\nlength_factor_max = 1")
                == nil)
        #expect(
            message("[strength]\nhalf_life_days = 90\nhalf_life_days = 91")
                == "3:1: key 'half_life_days' is defined twice in [strength]")
    }

    @Test func aConfiguredHalfLifeChangesStrength() throws {
        let coffee = InteractionSpec(
            kind: .coffee, isOneOnOne: true, minutes: 30, rapport: 5, theyInitiated: false, daysAgo: 180)
        let slow = try RapportConfiguration(toml: "[strength]\nhalf_life_days = 720").strength
        #expect(try Fixtures.strength([coffee], configuration: slow) > Fixtures.strength([coffee]))
    }

    @Test func aConfiguredSourceWeightChangesStrength() throws {
        let mail = Interaction(
            date: Fixtures.today.adding(days: -10), personID: "p", kind: .email, initiatedBy: .them, source: .mail)
        let reply = Interaction(
            date: Fixtures.today.adding(days: -9), personID: "p", kind: .email, initiatedBy: .me, source: .mail)
        let snapshot = try NetworkSnapshot(
            NetworkData(
                people: [Person(id: "me"), Person(id: "p")], ties: [Tie("me", "p", kind: .acquaintance)],
                interactions: [mail, reply]))
        let trusted = try RapportConfiguration(toml: "[strength.sources]\nmail = 1").strength
        let ignored = try RapportConfiguration(toml: "[strength.sources]\nmail = 0").strength
        let s = { (c: StrengthConfiguration) in StrengthModel(configuration: c).strengths(in: snapshot, asOf: Fixtures.today).values[0] }
        #expect(s(trusted) > s(.default))
        #expect(s(.default) > s(ignored))
        #expect(abs(s(ignored) - 0.1) < 1e-12)
    }

    @Test func durationWeightIsCappedSoThatAgeingNeverHelps() {
        var c = StrengthConfiguration.default
        // τ · ln 2 / h = 30 · 0.693147 / 180 = 0.115525 > 0.1: the default is used as is.
        #expect(c.effectiveDurationWeight == 0.1)
        c.durationWeight = 1
        #expect(abs(c.effectiveDurationWeight - 0.11552453009332421) < 1e-15)
    }
}
