import Rapport

extension EvidenceReaders {
    /// The evidence readers of this build, as `rapport import` uses them: each entry calls one
    /// reader of `Evidence/LinkedIn`, `Evidence/Calendar` and `Evidence/Mail`.
    public static var standard: EvidenceReaders {
        EvidenceReaders(
            isArchive: { LinkedInArchive.isArchive(path: $0) },
            openArchive: { path throws(ImportError) in
                let archive = try LinkedInArchive.read(path: path)
                return OpenedArchive(
                    path: path, connections: archive.connections,
                    profile: OwnProfile(archive.profile, profileURL: archive.selfIdentity.profileURLs.sorted().first),
                    selfIdentity: archive.selfIdentity, ignoredFiles: archive.ignoredFiles,
                    evidence: { identity throws(ImportError) in try archive.evidence(for: identity) })
            },
            looksLikeCalendar: { CalendarFile.looksLikeCalendar($0) },
            calendar: { path, bytes, identity, asOf throws(ImportError) in
                try CalendarFile.parse(path: path, data: bytes).evidence(for: identity, asOf: asOf)
            },
            looksLikeMailbox: { Mailbox.looksLikeMailbox($0) },
            mailbox: { path, identity throws(ImportError) in try Mailbox.evidence(path: path, for: identity) })
    }
}

extension OwnProfile {
    /// The user's own profile as a LinkedIn archive gives it (Profile.csv, Email Addresses.csv,
    /// Positions.csv, Education.csv).
    public init(_ profile: LinkedInProfile, profileURL: String?) {
        self.init(
            firstName: profile.firstName, lastName: profile.lastName, location: profile.location ?? "",
            emails: profile.emails, profileURL: profileURL,
            positions: profile.positions.map {
                Position(company: $0.company, title: $0.title ?? "", startedOn: $0.startedOn, finishedOn: $0.finishedOn)
            },
            schools: profile.schools)
    }
}
