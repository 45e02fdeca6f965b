import CLibPQ
#if canImport(Glibc)
import Glibc
#endif

/// Owns one libpq `PGresult`. A result is independent of its connection once retrieved and is only
/// read after that, so sharing it between threads is safe.
final class PostgresResult: @unchecked Sendable {
    let pointer: OpaquePointer?
    let rowCount: Int
    let columnCount: Int

    init(_ pointer: OpaquePointer?) {
        self.pointer = pointer
        if let pointer {
            rowCount = Int(PQntuples(pointer))
            columnCount = Int(PQnfields(pointer))
        } else {
            rowCount = 0
            columnCount = 0
        }
    }

    deinit { if let pointer { PQclear(pointer) } }

    /// The command tag, e.g. `INSERT 0 3`.
    var commandTag: String {
        guard let pointer, let status = PQcmdStatus(pointer) else { return "" }
        return String(cString: status)
    }

    /// Rows inserted, updated, deleted, selected, moved, fetched or copied; 0 for other commands.
    var rowsAffected: Int {
        guard let pointer, let text = PQcmdTuples(pointer) else { return 0 }
        return Int(String(cString: text)) ?? 0
    }

    func columnName(_ column: Int) -> String {
        guard let pointer, let name = PQfname(pointer, Int32(column)) else { return "?" }
        return String(cString: name)
    }

    /// Exact (case-sensitive) lookup; libpq's `PQfnumber` would fold unquoted names to lower case.
    func columnIndex(named name: String) -> Int? {
        guard let pointer else { return nil }
        var name = name
        return name.withUTF8 { wanted -> Int? in
            for column in 0..<columnCount {
                guard let candidate = PQfname(pointer, Int32(column)) else { continue }
                let length = strlen(candidate)
                if length == wanted.count, memcmp(candidate, wanted.baseAddress!, length) == 0 { return column }
            }
            return nil
        }
    }

    func dataType(_ column: Int) -> PostgresDataType { PostgresDataType(oid: PQftype(pointer, Int32(column))) }

    func format(_ column: Int) -> PostgresFormat { PQfformat(pointer, Int32(column)) == 1 ? .binary : .text }
}
