import Foundation

/// The overview's rows as JSON for `/api/overview`: the rows of `report.coverage()` and
/// `report.support()` as they came, with `"value": null, "suppressed": true` for a hidden figure and
/// `"share": null` where no share is published. Keys are snake_case like the functions' columns.
struct OverviewJSON: Encodable, Sendable {
    let overview: Overview

    private enum Keys: String, CodingKey {
        case organisation, cycle, unit, period, k, coverage, support
    }

    private enum OrganisationKeys: String, CodingKey { case name }
    private enum CycleKeys: String, CodingKey { case id, name, startsOn = "starts_on", endsOn = "ends_on", k, publishedAt = "published_at" }
    private enum UnitKeys: String, CodingKey { case id, name, code }
    private enum RowKeys: String, CodingKey {
        case unitID = "unit_id", unitName = "unit_name", unitCode = "unit_code", isSelected = "is_selected", isDirect = "is_direct"
        case hasChildren = "has_children", measure, period, value, suppressed, share, shareOf = "share_of"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var organisation = container.nestedContainer(keyedBy: OrganisationKeys.self, forKey: .organisation)
        try organisation.encode(overview.organisationName, forKey: .name)
        if let cycle = overview.cycle {
            var nested = container.nestedContainer(keyedBy: CycleKeys.self, forKey: .cycle)
            try nested.encode(cycle.id.lowercased, forKey: .id)
            try nested.encode(cycle.name, forKey: .name)
            try nested.encode(cycle.startsOn.description, forKey: .startsOn)
            try nested.encode(cycle.endsOn.description, forKey: .endsOn)
            try nested.encode(cycle.k, forKey: .k)
            try nested.encode(ISO8601DateFormatter().string(from: cycle.publishedAt), forKey: .publishedAt)
        } else {
            try container.encodeNil(forKey: .cycle)
        }
        var unit = container.nestedContainer(keyedBy: UnitKeys.self, forKey: .unit)
        try unit.encode(overview.filter.unit?.lowercased, forKey: .id)
        try unit.encode(overview.unit?.name ?? overview.organisationName, forKey: .name)
        try unit.encode(overview.unit?.code, forKey: .code)
        try container.encode(overview.filter.month, forKey: .period)
        var coverage = container.nestedUnkeyedContainer(forKey: .coverage)
        for row in overview.coverage {
            var nested = coverage.nestedContainer(keyedBy: RowKeys.self)
            try nested.encode(row.unitID?.lowercased, forKey: .unitID)
            try nested.encode(row.unitName, forKey: .unitName)
            try nested.encode(row.unitCode, forKey: .unitCode)
            try nested.encode(row.isSelected, forKey: .isSelected)
            try nested.encode(row.isDirect, forKey: .isDirect)
            try nested.encode(row.hasChildren, forKey: .hasChildren)
            try nested.encode(row.measure, forKey: .measure)
            try nested.encode(row.period, forKey: .period)
            try nested.encode(row.figure == .hidden ? nil : row.value, forKey: .value)
            try nested.encode(row.figure == .hidden, forKey: .suppressed)
            try nested.encode(row.share, forKey: .share)
            try nested.encode(row.shareOf, forKey: .shareOf)
        }
        var support = container.nestedUnkeyedContainer(forKey: .support)
        for row in overview.support {
            var nested = support.nestedContainer(keyedBy: RowKeys.self)
            try nested.encode(row.measure, forKey: .measure)
            try nested.encode(row.period, forKey: .period)
            let hidden = row.suppressed || row.value == nil
            if hidden {
                try nested.encodeNil(forKey: .value)
            } else if row.isCount {
                try nested.encode(Int(row.value!), forKey: .value)
            } else {
                try nested.encode(row.value!, forKey: .value)
            }
            try nested.encode(hidden, forKey: .suppressed)
            try nested.encode(row.share, forKey: .share)
            try nested.encode(row.shareOf, forKey: .shareOf)
        }
    }
}
