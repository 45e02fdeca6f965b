import CLibPQ

/// The rows a statement returned, all in memory, plus its command tag.
///
/// ```swift
/// for row in try await pool.query("SELECT id, name FROM org.unit WHERE organisation_id = \(orgID)") {
///     let (id, name) = try row.decode((UUID, String).self)
/// }
/// ```
public struct PostgresRows: RandomAccessCollection, Sendable {
    let result: PostgresResult

    init(result: PostgresResult) { self.result = result }

    /// 0
    public var startIndex: Int { 0 }
    /// The number of rows.
    public var endIndex: Int { result.rowCount }
    /// The row at `position`.
    public subscript(position: Int) -> PostgresRow { PostgresRow(result: result, index: position) }

    /// Rows inserted, updated, deleted or selected, from the command tag; 0 for other commands.
    public var rowsAffected: Int { result.rowsAffected }
    /// The command tag, e.g. `UPDATE 3`.
    public var commandTag: String { result.commandTag }
    /// The column names in order.
    public var columnNames: [String] { (0..<result.columnCount).map(result.columnName) }

    /// Decodes every row as a tuple of its columns, e.g. `try rows.decode((UUID, String).self)`.
    public func decode<each T: PostgresDecodable>(_ types: (repeat each T).Type) throws -> [(repeat each T)] {
        var values: [(repeat each T)] = []
        values.reserveCapacity(count)
        for row in self { values.append(try row.decode(types)) }
        return values
    }
}
