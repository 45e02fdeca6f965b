/// One section of the guide: a heading, paragraphs, then an optional list.
public struct GuideSection: Sendable {
    /// The section's `id`, for the table of contents.
    public let id: String
    /// Heading.
    public let heading: String
    /// Paragraphs before the list.
    public let paragraphs: [String]
    /// List items (may be empty).
    public let items: [String]
    /// Paragraphs after the list.
    public let after: [String]

    /// Makes a section.
    public init(id: String, heading: String, paragraphs: [String], items: [String] = [], after: [String] = []) {
        self.id = id
        self.heading = heading
        self.paragraphs = paragraphs
        self.items = items
        self.after = after
    }
}

/// Texts of the guide for asking the question (*guide för frågan om våldsutsatthet*).
public struct GuideTexts: Sendable {
    /// Page title and heading.
    public let title: String
    /// The lead paragraph.
    public let intro: String
    /// Heading of the table of contents.
    public let contents: String
    /// Link to the printable version.
    public let printableLink: String
    /// Heading note on the printable version.
    public let printableNote: String
    /// The print button.
    public let printButton: String
    /// Back from the printable version.
    public let backToGuide: String
    /// The sections before the support resources.
    public let sections: [GuideSection]
    /// Heading of the support resources.
    public let resourcesHeading: String
    /// Introduction to the support resources.
    public let resourcesIntro: String
    /// Shown when the organisation has configured none.
    public let noResources: String
    /// "Phone" label before a number.
    public let phone: String
    /// The sections after the support resources.
    public let closingSections: [GuideSection]
}
