extension Person {
    /// The first name `rapport init` gives the user when no `--me NAME` is given.
    public static let placeholderFirstName = "Me"

    /// Whether this is the user still named with the placeholder ("Me"): real data from any
    /// import replaces it, and commands that write in the user's name warn about it.
    public var hasPlaceholderName: Bool { isSelf && firstName == Person.placeholderFirstName }
}
