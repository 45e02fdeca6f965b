extension AdminTexts {
    static let english = AdminTexts(
        title: "Administration",
        organisationCounts: { active, inactive, units in "\(active) active people, \(inactive) inactive, \(units) active units." },
        importHeading: "Import the organisation from the HR system",
        importIntro: ["Upload a file with every employee from the HR system. Existing people are updated by their employee number, new ones added. Nothing is ever sent back to HR.", "If any row is wrong, nothing is saved, and you get a list of what to fix, row by row. Consider a dry run first."],
        columnsSummary: "Which columns should the file have?",
        columnLine: { code, name, required in "\(code) – \(name)" + (required ? " (required)" : " (optional)") },
        columnsNote: "Headers may also be written in Swedish, for example Anställningsnummer, Namn, E-post, Enhetskod, Enhet, Överordnad enhet, Chef, Anställningsdatum, Slutdatum, Skyddade personuppgifter. Semicolons or commas between fields. Dates are written YYYY-MM-DD, yes/no fields as yes, no, ja, nej, 1 or 0. Other columns are skipped and never stored.",
        fileLabel: "File from the HR system",
        fileHint: "CSV (semicolon or comma separated, UTF-8) or JSON.",
        fileMissing: "Choose a file to import.",
        optionsLegend: "Scope",
        fullChoice: "The whole organisation",
        fullHint: "People missing from the file become inactive. They are never deleted.",
        partialMode: "Only the people in the file",
        dryRunLegend: "Dry run",
        dryRunChoice: "Only show what would change",
        dryRunHint: "Nothing is saved. You see how many would be added, changed and made inactive.",
        uploadProgress: "Upload",
        importButton: "Import",
        runsHeading: "Recent imports",
        noRuns: "No import has been made yet.",
        runsCaption: "The ten latest imports",
        startedColumn: "Started",
        outcomeColumn: "Outcome",
        rowsColumn: "Rows",
        addedLabel: "Added",
        updatedLabel: "Changed",
        deactivatedLabel: "Made inactive",
        reactivatedLabel: "Active again",
        wouldAddLabel: "Would be added",
        wouldUpdateLabel: "Would be changed",
        wouldDeactivateLabel: "Would become inactive",
        status: { status, errors in switch status { case "applied": "Applied"; case "previewed": "Dry run"; case "rejected": "Rejected (\(errors) problems)"; default: "Failed" } },
        runTitle: "Import from the HR system",
        backToAdmin: "Back to Administration",
        appliedText: "The import is applied.",
        previewedText: "Dry run: nothing has been saved. This is how the organisation would change.",
        rejectedText: { "The file had \($0) problems. Nothing has been saved. Fix the rows below and import again." },
        sourceLabel: "File format",
        modeLabel: "Scope",
        problemsHeading: "Problems by row",
        problemsTruncated: { shown, all in "The first \(shown) of \(all) problems are shown." },
        problemsCaption: "Rows to fix",
        lineColumn: "Line",
        fieldColumn: "Field",
        problemColumn: "Problem",
        importAgain: "Import another file",
        fieldName: { code in switch code { case "hr_id": "Employee number"; case "name": "Name"; case "work_email": "Work e-mail"; case "unit_code": "Unit code"; case "unit_name": "Unit name"; case "parent_unit_code": "Parent unit code"; case "manager_hr_id": "Manager's employee number"; case "hire_date": "Hire date"; case "end_date": "End date"; case "protected_identity": "Protected personal data"; case "row": "The whole row"; case "file": "The whole file"; default: code } },
        reason: { reason in
            switch reason {
            case .missing: "A value is missing."
            case .tooLong: "Too long (at most 200 characters)."
            case .invalidFormat: "Wrong format: only letters a–z, digits and . _ - (unit codes also /), at most 64 characters."
            case .invalidEmail: "Not a valid e-mail address."
            case .notADate: "Not a date. Write YYYY-MM-DD."
            case .beforeHireDate: "The end date is before the hire date."
            case .notAFlag: "Write yes or no (or 1 or 0)."
            case .invalidCharacters: "Contains characters that are not allowed, such as line breaks or tabs."
            case .duplicate: "The same employee number is on an earlier row."
            case .unitConflict: "The same unit code has another name or parent unit on an earlier row."
            case .unknownManager: "The manager is neither in the file nor in the organisation."
            case .managerInactive: "The manager is not in the file and would therefore become inactive."
            case .unknownParentUnit: "The parent unit is neither in the file nor in the organisation."
            case .managerCycle: "The chain of managers leads back to the person themself."
            case .unitCycle: "The unit tree leads back to the unit itself."
            case .selfReference: "Refers to itself."
            case .missingColumn: "The column is missing from the header row."
            case .duplicateColumn: "The column appears twice in the header row."
            case .wrongFieldCount: "The row has more or fewer fields than the header row."
            case .unterminatedQuote: "A quotation mark is never closed. The rest of the file could not be read."
            case .malformedQuotes: "Text after a closing quotation mark."
            case .notUTF8: "The text is not UTF-8. Save the file as CSV UTF-8."
            case .emptyFile: "The file has no rows."
            case .notJSON: "Not JSON with a list of people."
            case .tooManyRows: "Too many rows for one import (at most 500,000)."
            case .databaseRejected: "The database did not accept the data. Nothing has been saved. Contact support."
            }
        },
        settingsTitle: "Settings of the routine",
        newHireDaysLabel: "Days for new hires",
        newHireDaysHint: "New hires should be asked within this many days of being hired (7–365).",
        correctionDaysLabel: "Days to correct a record",
        correctionDaysHint: "How long a manager can correct a recorded talk. Then it is locked (1–90).",
        expiryDaysLabel: "Days before an unconfirmed proposal is deleted",
        expiryDaysHint: "Proposals of support the employee has not confirmed are deleted after this many days (1–90).",
        numberBetween: { "Enter a whole number between \($0) and \($1)." },
        savedSettings: "The settings are saved.",
        resourcesTitle: "Support contacts",
        resourcesIntro: "The support contacts are shown in the managers' guide and on the support pages, in this order.",
        editResource: { "Edit \($0)" },
        addResourceHeading: "Add a support contact",
        addResourceButton: "Add",
        backToResources: "Back to Support contacts",
        deleteResource: "Delete the support contact",
        resourceKindLabel: "Kind of support",
        resourceKind: { kind in switch kind { case .ownTeam: "The organisation's own support"; case .outOfHours: "Outside office hours"; case .emergency: "Acute danger"; case .helpline: "Helpline"; case .perpetrator: "For people who use violence"; case .other: "Other" } },
        nameSwedishLabel: "Name in Swedish",
        nameEnglishLabel: "Name in English",
        phoneLabel: "Phone number (optional)",
        phoneHint: "For example 020-50 50 50.",
        descriptionSwedishLabel: "Description in Swedish (optional)",
        descriptionEnglishLabel: "Description in English (optional)",
        urlLabel: "Web address (optional)",
        urlHint: "Must start with https://.",
        positionLabel: "Position in the list",
        positionHint: "Lower numbers are shown first.",
        resourceFieldMissing: "Fill in this field.",
        resourceKindMissing: "Choose the kind of support.",
        resourceDuplicate: "There is already a support contact with the same name at the same position.",
        phoneInvalid: "Use only digits, spaces and + ( ) -.",
        urlInvalid: "Enter a web address starting with https://.",
        tooLong: { "At most \($0) characters." },
        savedResource: "The support contact is saved.",
        deletedResource: "The support contact is deleted.",
        cyclesTitle: "Periods",
        cyclesIntro: "During each period everyone should be asked once. If no period covers today, the calendar year is created automatically.",
        addCycleHeading: "Add a period",
        cycleNameLabel: "Name",
        cycleNameHint: "For example 2027 or 2027/28.",
        startsOnLabel: "First day",
        endsOnLabel: "Last day",
        addCycleButton: "Add the period",
        cycleNameMissing: "Enter a name.",
        cycleNameTooLong: "At most 50 characters.",
        cycleEndsBeforeStart: "The last day must come after the first day.",
        cycleOverlaps: { "The period overlaps period \($0)." },
        savedCycle: "The period is added."
    )
}
