/// A Swift value that can travel to PostgreSQL as a bind parameter (`$n`).
///
/// Encoding never throws: a value that cannot be encoded calls `buffer.fail(_:)`, and the query then
/// fails with a `.encoding` error before anything is sent. That keeps string interpolation of binds
/// free of `try`.
public protocol PostgresEncodable: Sendable {
    /// The type sent with the parameter; `.unspecified` lets the server infer it.
    static var postgresDataType: PostgresDataType { get }
    /// The format of the bytes `encode(into:)` writes. Binary unless said otherwise.
    static var postgresFormat: PostgresFormat { get }
    /// Appends the value's bytes (or marks it NULL).
    func encode(into buffer: inout PostgresEncodingBuffer)
}

extension PostgresEncodable {
    /// Binary, the default.
    public static var postgresFormat: PostgresFormat { .binary }
}
