/// Texts of the administrator's pages and of the HR import report.
public struct AdminTexts: Sendable {
    /// Title of the administration start page.
    public let title: String
    /// Active and inactive people, active units.
    public let organisationCounts: @Sendable (Int, Int, Int) -> String
    /// Heading: the HR import.
    public let importHeading: String
    /// What the import does.
    public let importIntro: [String]
    /// Summary of the column list.
    public let columnsSummary: String
    /// One column: code, name, required.
    public let columnLine: @Sendable (String, String, Bool) -> String
    /// How columns and values may be written.
    public let columnsNote: String
    /// Label: the file.
    public let fileLabel: String
    /// Hint: the file.
    public let fileHint: String
    /// Error: no file.
    public let fileMissing: String
    /// Legend: full import.
    public let optionsLegend: String
    /// Choice: the whole organisation.
    public let fullChoice: String
    /// Hint: full import.
    public let fullHint: String
    /// A partial import.
    public let partialMode: String
    /// Legend: dry run.
    public let dryRunLegend: String
    /// Choice: dry run.
    public let dryRunChoice: String
    /// Hint: dry run.
    public let dryRunHint: String
    /// Accessible name of the upload progress bar.
    public let uploadProgress: String
    /// Button: import.
    public let importButton: String
    /// Heading: recent runs.
    public let runsHeading: String
    /// No runs yet.
    public let noRuns: String
    /// Caption of the runs table.
    public let runsCaption: String
    /// Column: started.
    public let startedColumn: String
    /// Column: outcome.
    public let outcomeColumn: String
    /// Column: rows.
    public let rowsColumn: String
    /// Added.
    public let addedLabel: String
    /// Updated.
    public let updatedLabel: String
    /// Deactivated.
    public let deactivatedLabel: String
    /// Reactivated.
    public let reactivatedLabel: String
    /// Would be added.
    public let wouldAddLabel: String
    /// Would be changed.
    public let wouldUpdateLabel: String
    /// Would become inactive.
    public let wouldDeactivateLabel: String
    /// A run's status (status code, problems).
    public let status: @Sendable (String, Int) -> String
    /// Title of a run's page.
    public let runTitle: String
    /// Back to administration.
    public let backToAdmin: String
    /// The import was applied.
    public let appliedText: String
    /// A dry run.
    public let previewedText: String
    /// The file was rejected (count).
    public let rejectedText: @Sendable (Int) -> String
    /// Label: source.
    public let sourceLabel: String
    /// Label: scope.
    public let modeLabel: String
    /// Heading: problems.
    public let problemsHeading: String
    /// Only the first problems are listed.
    public let problemsTruncated: @Sendable (Int, Int) -> String
    /// Caption of the problems table.
    public let problemsCaption: String
    /// Column: line.
    public let lineColumn: String
    /// Column: field.
    public let fieldColumn: String
    /// Column: problem.
    public let problemColumn: String
    /// Link: import again.
    public let importAgain: String
    /// A field's name by code.
    public let fieldName: @Sendable (String) -> String
    /// Why, in words.
    public let reason: @Sendable (ImportProblem.Reason) -> String
    /// Title: settings.
    public let settingsTitle: String
    /// Label.
    public let newHireDaysLabel: String
    /// Hint.
    public let newHireDaysHint: String
    /// Label.
    public let correctionDaysLabel: String
    /// Hint.
    public let correctionDaysHint: String
    /// Label.
    public let expiryDaysLabel: String
    /// Hint.
    public let expiryDaysHint: String
    /// Error: a whole number between.
    public let numberBetween: @Sendable (Int, Int) -> String
    /// Notice.
    public let savedSettings: String
    /// Title: support resources.
    public let resourcesTitle: String
    /// What resources are.
    public let resourcesIntro: String
    /// Link: edit (name).
    public let editResource: @Sendable (String) -> String
    /// Heading: add.
    public let addResourceHeading: String
    /// Button: add.
    public let addResourceButton: String
    /// Back.
    public let backToResources: String
    /// Button: delete.
    public let deleteResource: String
    /// Label.
    public let resourceKindLabel: String
    /// A kind in words.
    let resourceKind: @Sendable (SupportContact.Kind) -> String
    /// Label.
    public let nameSwedishLabel: String
    /// Label.
    public let nameEnglishLabel: String
    /// Label.
    public let phoneLabel: String
    /// Hint.
    public let phoneHint: String
    /// Label.
    public let descriptionSwedishLabel: String
    /// Label.
    public let descriptionEnglishLabel: String
    /// Label.
    public let urlLabel: String
    /// Hint.
    public let urlHint: String
    /// Label.
    public let positionLabel: String
    /// Hint.
    public let positionHint: String
    /// Error.
    public let resourceFieldMissing: String
    /// Error.
    public let resourceKindMissing: String
    /// Error.
    public let resourceDuplicate: String
    /// Error.
    public let phoneInvalid: String
    /// Error.
    public let urlInvalid: String
    /// Error: too long.
    public let tooLong: @Sendable (Int) -> String
    /// Notice.
    public let savedResource: String
    /// Notice.
    public let deletedResource: String
    /// Title: cycles.
    public let cyclesTitle: String
    /// What cycles are.
    public let cyclesIntro: String
    /// Heading.
    public let addCycleHeading: String
    /// Label.
    public let cycleNameLabel: String
    /// Hint.
    public let cycleNameHint: String
    /// Label.
    public let startsOnLabel: String
    /// Label.
    public let endsOnLabel: String
    /// Button.
    public let addCycleButton: String
    /// Error.
    public let cycleNameMissing: String
    /// Error.
    public let cycleNameTooLong: String
    /// Error.
    public let cycleEndsBeforeStart: String
    /// Error: overlaps (name).
    public let cycleOverlaps: @Sendable (String) -> String
    /// Notice.
    public let savedCycle: String
}
