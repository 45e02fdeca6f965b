import Foundation

/// `/api/organisations`: the rows of `report.overview()` for a year, `null` + `"suppressed": true`
/// for a hidden figure, the total of all organisations as the row with `organisation_id: null`.
struct AllOrganisationsJSON: Encodable, Sendable {
    let view: AllOrganisations

    private enum Keys: String, CodingKey { case year, persons, support }
    private enum RowKeys: String, CodingKey {
        case organisationID = "organisation_id", organisationName = "organisation_name", cycleName = "cycle_name", measure, value
        case suppressed, share, shareOf = "share_of"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(view.year, forKey: .year)
        for (key, rows) in [(Keys.persons, view.persons), (.support, view.support)] {
            var list = container.nestedUnkeyedContainer(forKey: key)
            for row in rows {
                var nested = list.nestedContainer(keyedBy: RowKeys.self)
                try nested.encode(row.organisationID?.lowercased, forKey: .organisationID)
                try nested.encode(row.organisationName, forKey: .organisationName)
                try nested.encode(row.cycleName, forKey: .cycleName)
                try nested.encode(row.measure, forKey: .measure)
                try nested.encode(row.figure == .hidden ? nil : row.value, forKey: .value)
                try nested.encode(row.figure == .hidden, forKey: .suppressed)
                try nested.encode(row.share, forKey: .share)
                try nested.encode(row.shareOf, forKey: .shareOf)
            }
        }
    }
}
