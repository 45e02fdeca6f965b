import Foundation
import Postgres

/// A unit the page offers for choosing, as `report.units()` lists it: the organisation, its
/// förvaltningar, and the path down to the chosen unit.
struct ReportUnit: Sendable, Equatable {
    /// Depth in the tree: 0 the organisation, 1 a förvaltning, and so on.
    let depth: Int
    /// The unit; nil for the organisation.
    let id: UUID?
    /// Its name.
    let name: String
    /// Its code; nil for the organisation.
    let code: String?
    /// Whether it has sub-units.
    let hasChildren: Bool
    /// Whether it is the organisation, the chosen unit or one of its ancestors.
    let onPath: Bool

    /// The units to offer when `unit` is chosen (nil: the organisation).
    static func load(around unit: UUID?, in transaction: PostgresTransaction) async throws -> [ReportUnit] {
        try await transaction.query("""
            SELECT depth, unit_id, unit_name, unit_code, has_children, on_path FROM report.units(\(unit))
            """).map { row in
            let (depth, id, name, code, children, onPath) = try row.decode((Int, UUID?, String, String?, Bool, Bool).self)
            return ReportUnit(depth: depth, id: id, name: name, code: code, hasChildren: children, onPath: onPath)
        }
    }
}
