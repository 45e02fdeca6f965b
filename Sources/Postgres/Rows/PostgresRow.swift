import CLibPQ

/// One row of a result. Decode columns by position, by name, or all at once as a tuple.
public struct PostgresRow: Sendable {
    let result: PostgresResult
    /// The row's position in its result.
    public let index: Int

    /// The number of columns.
    public var columnCount: Int { result.columnCount }

    /// Decodes column `column` (zero-based) as `T`.
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, column: Int) throws -> T {
        guard column >= 0, column < result.columnCount, let pointer = result.pointer else {
            throw PostgresError(code: .decoding, operation: .decode, reason: "no column \(column) (row has \(result.columnCount))")
        }
        let row = Int32(index)
        let field = Int32(column)
        let dataType = PostgresDataType(oid: PQftype(pointer, field))
        let format: PostgresFormat = PQfformat(pointer, field) == 1 ? .binary : .text
        do {
            if PQgetisnull(pointer, row, field) == 1 { return try T.postgresNull() }
            let bytes = UnsafeRawBufferPointer(start: PQgetvalue(pointer, row, field), count: Int(PQgetlength(pointer, row, field)))
            return try T(postgresValue: bytes, type: dataType, format: format)
        } catch {
            var wrapped = PostgresError(code: .decoding, operation: .decode)
            wrapped.reason = (error as? PostgresDecodingFailure)?.reason ?? "\(Swift.type(of: error))"
            wrapped.column = PostgresError.ColumnContext(
                index: column, name: result.columnName(column), expectedType: "\(T.self)", actualType: dataType, format: format
            )
            throw wrapped
        }
    }

    /// Decodes the column named `column` (exact, case-sensitive match) as `T`.
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, column name: String) throws -> T {
        guard let column = result.columnIndex(named: name) else {
            throw PostgresError(code: .decoding, operation: .decode, reason: "no column named \"\(name)\"")
        }
        return try decode(T.self, column: column)
    }

    /// Decodes every column in order, e.g. `try row.decode((UUID, String, Int?).self)`. The row must
    /// have exactly as many columns as the tuple has elements.
    public func decode<each T: PostgresDecodable>(_ types: (repeat each T).Type) throws -> (repeat each T) {
        var expected = 0
        for _ in repeat (each T).self { expected += 1 }
        guard expected == result.columnCount else {
            var error = PostgresError(code: .decoding, operation: .decode)
            error.reason = PostgresDecodingFailure.columnCountMismatch(expected: expected, actual: result.columnCount).reason
            throw error
        }
        var column = 0
        func next<U: PostgresDecodable>(_: U.Type) throws -> U {
            defer { column += 1 }
            return try decode(U.self, column: column)
        }
        return (repeat try next((each T).self))
    }

    /// True when the column is SQL NULL.
    public func isNull(column: Int) -> Bool {
        guard column >= 0, column < result.columnCount, let pointer = result.pointer else { return true }
        return PQgetisnull(pointer, Int32(index), Int32(column)) == 1
    }
}
