import CLibPQ
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The one place where libpq's statuses become errors (see STYLE.md: every C status through one
/// checking function), plus small conversions.
enum PostgresLibPQ {
    /// Throws unless a `PQsend…`/`PQsetnonblocking`-style call returned `expected`, with libpq's message.
    static func check(
        _ status: Int32, expected: Int32 = 1, _ connection: OpaquePointer?, code: PostgresError.Code,
        operation: PostgresError.Operation, reason: String
    ) throws(PostgresError) {
        guard status != expected else { return }
        throw error(connection, code: code, operation: operation, reason: reason)
    }

    /// An error carrying libpq's current connection message (never containing a password).
    static func error(_ connection: OpaquePointer?, code: PostgresError.Code, operation: PostgresError.Operation, reason: String) -> PostgresError {
        var error = PostgresError(code: code, operation: operation, reason: reason)
        error.clientMessage = message(connection)
        return error
    }

    /// `PQerrorMessage`, trimmed.
    static func message(_ connection: OpaquePointer?) -> String? {
        guard let connection, let text = PQerrorMessage(connection) else { return nil }
        let message = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
        return message.isEmpty ? nil : message
    }

    /// The server's error fields of a failed result.
    static func serverFields(_ result: OpaquePointer) -> PostgresError.ServerFields {
        func field(_ code: Character) -> String? {
            guard let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: value)
        }
        var fields = PostgresError.ServerFields()
        fields.severity = field("V") ?? field("S")
        fields.sqlState = field("C")
        fields.message = field("M")
        fields.detail = field("D")
        fields.hint = field("H")
        fields.position = field("P").flatMap { Int($0) }
        fields.context = field("W")
        fields.schemaName = field("s")
        fields.tableName = field("t")
        fields.columnName = field("c")
        fields.dataTypeName = field("d")
        fields.constraintName = field("n")
        fields.routine = field("R")
        return fields
    }

    /// Whether libpq knows a connection keyword (from `PQconndefaults`).
    static func isKnownKeyword(_ keyword: String) -> Bool { knownKeywords.contains(keyword) }

    private static let knownKeywords: Set<String> = {
        var keywords = Set<String>()
        guard let options = PQconndefaults() else { return keywords }
        defer { PQconninfoFree(options) }
        var index = 0
        while let keyword = options[index].keyword {
            keywords.insert(String(cString: keyword))
            index += 1
        }
        return keywords
    }()

    /// Calls `body` with NULL-terminated C arrays of keywords and values.
    static func withKeywordArrays<R>(
        _ parameters: [(String, String)],
        _ body: (UnsafePointer<UnsafePointer<CChar>?>, UnsafePointer<UnsafePointer<CChar>?>) -> R
    ) -> R {
        var storage: [UnsafeMutablePointer<CChar>] = []
        defer {
            // The password is among these; wipe before freeing.
            for pointer in storage {
                memset(pointer, 0, strlen(pointer))
                free(pointer)
            }
        }
        var keywords: [UnsafePointer<CChar>?] = []
        var values: [UnsafePointer<CChar>?] = []
        for (keyword, value) in parameters {
            let k = strdup(keyword)!
            let v = strdup(value)!
            storage.append(k)
            storage.append(v)
            keywords.append(UnsafePointer(k))
            values.append(UnsafePointer(v))
        }
        keywords.append(nil)
        values.append(nil)
        return keywords.withUnsafeBufferPointer { k in values.withUnsafeBufferPointer { v in body(k.baseAddress!, v.baseAddress!) } }
    }
}

