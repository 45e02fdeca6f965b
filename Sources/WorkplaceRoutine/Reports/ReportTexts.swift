/// Texts of the director's compliance view (*Översikt*): the dashboard, its charts and tables, the
/// mark of a hidden figure and what every measure means.
public struct ReportTexts: Sendable {
    /// Title and heading (neutral: it shows up in browser history).
    public let title: String
    /// What the page shows, in one or two sentences.
    public let intro: String
    /// The mark of every hidden figure, in a cell, a chart and the CSV file.
    public let hiddenMark: String
    /// Why figures are hidden and what the mark means, given the threshold k (one calm sentence).
    public let hiddenExplanation: @Sendable (Int) -> String
    /// "Figures computed 2026-11-21 09:12."
    public let publishedAt: @Sendable (String) -> String
    /// Nothing published yet.
    public let noFigures: String
    /// Legend of the filter form.
    public let filterLegend: String
    /// Label: cycle.
    public let cycleLabel: String
    /// Label: unit.
    public let unitLabel: String
    /// Label: month.
    public let monthLabel: String
    /// Option: the whole organisation.
    public let wholeOrganisation: String
    /// Option: the whole cycle.
    public let wholeCycle: String
    /// Button of the filter form.
    public let show: String
    /// "March 2026" from year and month.
    public let monthName: @Sendable (Int, Int) -> String
    /// A short month for chart labels ("mar").
    public let shortMonth: @Sendable (Int) -> String
    /// `aria-label` of the breadcrumbs.
    public let breadcrumbsLabel: String
    /// Heading of the download links.
    public let downloadHeading: String
    /// Link: CSV.
    public let downloadCSV: String
    /// Link: JSON.
    public let downloadJSON: String
    /// Heading: the question in the talk.
    public let questionHeading: String
    /// Heading: per unit.
    public let unitsHeading: String
    /// Heading: reasons for not asking.
    public let reasonsHeading: String
    /// Heading: new hires.
    public let newHiresHeading: String
    /// Heading: training.
    public let trainingHeading: String
    /// Heading: over time.
    public let timeHeading: String
    /// Heading: support requests.
    public let supportHeading: String
    /// Heading: what the figures mean.
    public let glossaryHeading: String
    /// Column: what is counted.
    public let measureColumn: String
    /// Column: count.
    public let countColumn: String
    /// Column: share.
    public let shareColumn: String
    /// Column: unit.
    public let unitColumn: String
    /// Column: month.
    public let monthColumn: String
    /// Column: cycle.
    public let cycleColumn: String
    /// The label of a measure code (nil: not a known code; the code is shown).
    public let measure: @Sendable (String) -> String?
    /// What a measure means, for the glossary (nil: no entry).
    public let measureHint: @Sendable (String) -> String?
    /// "Förvaltning 1 (directly in the unit)": the people of a unit outside its sub-units.
    public let directUnit: @Sendable (String) -> String
    /// The unit has no sub-units.
    public let noChildren: String
    /// Some measures are published only down to the förvaltningar.
    public let depthNote: String
    /// Months are published for the organisation only.
    public let monthsOnlyOrganisation: String
    /// With a month chosen, which figures there are.
    public let monthNote: String
    /// Support requests are published for the organisation as a whole only.
    public let supportOnlyOrganisation: String
    /// Hours to first contact, formatted ("4,5 timmar").
    public let hours: @Sendable (String) -> String
    /// Caption of the table of the chosen unit's figures.
    public let summaryCaption: @Sendable (String) -> String
    /// Title of the chart of the share asked per unit (the chosen unit's name).
    public let chartByUnitTitle: @Sendable (String) -> String
    /// Description of that chart (for screen readers; the table below has the figures).
    public let chartByUnitDescription: String
    /// Caption of the per-unit table.
    public let unitsCaption: @Sendable (String) -> String
    /// Caption of the per-unit training table.
    public let trainingCaption: @Sendable (String) -> String
    /// Title of the chart of talks per month.
    public let chartMonthsTitle: @Sendable (String) -> String
    /// Description of that chart.
    public let chartMonthsDescription: String
    /// Title of the chart of the share asked per cycle (the unit's name).
    public let chartTrendTitle: @Sendable (String) -> String
    /// Description of that chart.
    public let chartTrendDescription: String
    /// Caption of the support table.
    public let supportCaption: String
    /// A share could not be given (the base was zero).
    public let noShare: String
    /// Short column headings of the per-unit training table, by measure code.
    public let trainingColumn: @Sendable (String) -> String
    /// Title of the coordinator's page of all organisations.
    public let organisationsTitle: String
    /// What that page shows.
    public let organisationsIntro: String
    /// Why figures are hidden there, and when a total is shown.
    public let organisationsHidden: String
    /// Label: year.
    public let yearLabel: String
    /// "2026 (12 organisations)".
    public let yearChoice: @Sendable (Int, Int) -> String
    /// Column: organisation.
    public let organisationColumn: String
    /// The row of all organisations together.
    public let allTogether: String
    /// Caption of the coverage table of a year.
    public let organisationsCaption: @Sendable (Int) -> String
    /// Caption of the support table of a year.
    public let organisationsSupportCaption: @Sendable (Int) -> String
}
