/// A column of the HR import (*fält*), with the header names Swedish and English spreadsheets use.
public enum ImportField: String, Sendable, CaseIterable, Codable {
    /// Anställningsnummer: the HR system's id, the key of every import.
    case hrID = "hr_id"
    /// Namn.
    case name
    /// E-post i arbetet.
    case workEmail = "work_email"
    /// Enhetskod.
    case unitCode = "unit_code"
    /// Enhetens namn.
    case unitName = "unit_name"
    /// Överordnad enhets kod (förvaltning → enhet → …).
    case parentUnitCode = "parent_unit_code"
    /// Chefens anställningsnummer.
    case managerHRID = "manager_hr_id"
    /// Anställningsdatum.
    case hireDate = "hire_date"
    /// Slutdatum.
    case endDate = "end_date"
    /// Skyddade personuppgifter.
    case protectedIdentity = "protected_identity"

    /// Whether every row must have a value (and the header the column).
    public var isRequired: Bool {
        switch self {
        case .hrID, .name, .unitCode, .unitName, .hireDate: true
        case .workEmail, .parentUnitCode, .managerHRID, .endDate, .protectedIdentity: false
        }
    }

    /// Header names accepted for this column, normalised (see ``normalise(_:)``).
    var aliases: [String] {
        switch self {
        case .hrID: ["hrid", "employeeid", "anstallningsnummer", "anstnr", "personalnummer", "anstallningsid"]
        case .name: ["name", "fullname", "namn", "fulltnamn"]
        case .workEmail: ["workemail", "email", "epost", "epostadress", "mejl", "arbetsmejl", "epostiarbetet"]
        case .unitCode: ["unitcode", "unitid", "enhetskod", "enhetkod", "enhetsid"]
        case .unitName: ["unitname", "unit", "enhetsnamn", "enhet", "enhetnamn"]
        case .parentUnitCode: ["parentunitcode", "parentunit", "overordnadenhet", "overordnadenhetskod", "overordnadenhetkod", "foralder"]
        case .managerHRID: ["managerhrid", "managerid", "manager", "chef", "chefsid", "chefensanstallningsnummer", "chefanstallningsnummer"]
        case .hireDate: ["hiredate", "startdate", "anstallningsdatum", "startdatum", "anstalldfran"]
        case .endDate: ["enddate", "slutdatum", "anstalldtill", "avslutsdatum"]
        case .protectedIdentity: ["protectedidentity", "protected", "skyddadepersonuppgifter", "skyddadidentitet", "skyddad", "spu"]
        }
    }

    /// The column a header cell names, or nil for a column we do not import (ignored, never stored).
    static func matching(header: String) -> ImportField? {
        let key = normalise(header)
        return allCases.first { $0.aliases.contains(key) }
    }

    /// Lower case, å/ä → a, ö → o, é → e, and only letters and digits: "Anställnings-nr" → "anstallningsnr".
    static func normalise(_ header: String) -> String {
        var out = ""
        for scalar in header.lowercased().unicodeScalars {
            switch scalar {
            case "å", "ä", "à", "á": out.append("a")
            case "ö", "ø", "ó": out.append("o")
            case "é", "è": out.append("e")
            case "ü": out.append("u")
            case "a"..."z", "0"..."9": out.unicodeScalars.append(scalar)
            default: break
            }
        }
        return out
    }
}
