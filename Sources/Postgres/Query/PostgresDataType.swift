/// A PostgreSQL type, named by its OID (`pg_type.oid`).
public struct PostgresDataType: Hashable, Sendable, CustomStringConvertible {
    /// The type's OID.
    public var oid: UInt32

    /// Wraps an OID.
    public init(oid: UInt32) { self.oid = oid }

    /// "Unknown": the server infers the type from the statement (used for `String` binds, so a
    /// string can stand for an enum, a date or any other type written as text).
    public static let unspecified = PostgresDataType(oid: 0)
    /// `bool`
    public static let bool = PostgresDataType(oid: 16)
    /// `bytea`
    public static let bytea = PostgresDataType(oid: 17)
    /// `"char"` (one byte)
    public static let char = PostgresDataType(oid: 18)
    /// `name`
    public static let name = PostgresDataType(oid: 19)
    /// `bigint`
    public static let int8 = PostgresDataType(oid: 20)
    /// `smallint`
    public static let int2 = PostgresDataType(oid: 21)
    /// `integer`
    public static let int4 = PostgresDataType(oid: 23)
    /// `text`
    public static let text = PostgresDataType(oid: 25)
    /// `oid`
    public static let oidType = PostgresDataType(oid: 26)
    /// `json`
    public static let json = PostgresDataType(oid: 114)
    /// `xml`
    public static let xml = PostgresDataType(oid: 142)
    /// `real`
    public static let float4 = PostgresDataType(oid: 700)
    /// `double precision`
    public static let float8 = PostgresDataType(oid: 701)
    /// `unknown` (an untyped literal)
    public static let unknown = PostgresDataType(oid: 705)
    /// `bool[]`
    public static let boolArray = PostgresDataType(oid: 1000)
    /// `bytea[]`
    public static let byteaArray = PostgresDataType(oid: 1001)
    /// `smallint[]`
    public static let int2Array = PostgresDataType(oid: 1005)
    /// `integer[]`
    public static let int4Array = PostgresDataType(oid: 1007)
    /// `text[]`
    public static let textArray = PostgresDataType(oid: 1009)
    /// `character(n)[]`
    public static let bpcharArray = PostgresDataType(oid: 1014)
    /// `character varying[]`
    public static let varcharArray = PostgresDataType(oid: 1015)
    /// `bigint[]`
    public static let int8Array = PostgresDataType(oid: 1016)
    /// `real[]`
    public static let float4Array = PostgresDataType(oid: 1021)
    /// `double precision[]`
    public static let float8Array = PostgresDataType(oid: 1022)
    /// `character(n)`
    public static let bpchar = PostgresDataType(oid: 1042)
    /// `character varying`
    public static let varchar = PostgresDataType(oid: 1043)
    /// `date`
    public static let date = PostgresDataType(oid: 1082)
    /// `time`
    public static let time = PostgresDataType(oid: 1083)
    /// `timestamp` (without time zone)
    public static let timestamp = PostgresDataType(oid: 1114)
    /// `timestamp[]`
    public static let timestampArray = PostgresDataType(oid: 1115)
    /// `date[]`
    public static let dateArray = PostgresDataType(oid: 1182)
    /// `timestamptz`
    public static let timestamptz = PostgresDataType(oid: 1184)
    /// `timestamptz[]`
    public static let timestamptzArray = PostgresDataType(oid: 1185)
    /// `interval`
    public static let interval = PostgresDataType(oid: 1186)
    /// `numeric`
    public static let numeric = PostgresDataType(oid: 1700)
    /// `numeric[]`
    public static let numericArray = PostgresDataType(oid: 1231)
    /// `uuid`
    public static let uuid = PostgresDataType(oid: 2950)
    /// `uuid[]`
    public static let uuidArray = PostgresDataType(oid: 2951)
    /// `jsonb`
    public static let jsonb = PostgresDataType(oid: 3802)
    /// `jsonb[]`
    public static let jsonbArray = PostgresDataType(oid: 3807)
    /// `json[]`
    public static let jsonArray = PostgresDataType(oid: 199)
    /// `name[]`
    public static let nameArray = PostgresDataType(oid: 1003)

    /// True for OIDs of user-defined types (enums, domains' bases are reported instead, composites).
    public var isUserDefined: Bool { oid >= 16384 }

    /// The element type of the built-in array types this client knows.
    var arrayElement: PostgresDataType? { Self.elements[oid].map(PostgresDataType.init(oid:)) }

    private static let elements: [UInt32: UInt32] = [
        1000: 16, 1001: 17, 1003: 19, 1005: 21, 1007: 23, 1009: 25, 1014: 1042, 1015: 1043, 1016: 20,
        1021: 700, 1022: 701, 1115: 1114, 1182: 1082, 1185: 1184, 1231: 1700, 2951: 2950, 3807: 3802, 199: 114,
    ]

    private static let names: [UInt32: String] = [
        0: "unspecified", 16: "bool", 17: "bytea", 18: "char", 19: "name", 20: "int8", 21: "int2", 23: "int4",
        25: "text", 26: "oid", 114: "json", 142: "xml", 199: "json[]", 700: "float4", 701: "float8", 705: "unknown",
        1000: "bool[]", 1001: "bytea[]", 1003: "name[]", 1005: "int2[]", 1007: "int4[]", 1009: "text[]",
        1014: "bpchar[]", 1015: "varchar[]", 1016: "int8[]", 1021: "float4[]", 1022: "float8[]", 1042: "bpchar",
        1043: "varchar", 1082: "date", 1083: "time", 1114: "timestamp", 1115: "timestamp[]", 1182: "date[]",
        1184: "timestamptz", 1185: "timestamptz[]", 1186: "interval", 1231: "numeric[]", 1700: "numeric",
        2950: "uuid", 2951: "uuid[]", 3802: "jsonb", 3807: "jsonb[]",
    ]

    /// The type's name and OID, e.g. `int8 (oid 20)`.
    public var description: String {
        if let name = Self.names[oid] { return "\(name) (oid \(oid))" }
        return "oid \(oid)"
    }
}

/// Whether a value travels as text or in PostgreSQL's binary representation.
public enum PostgresFormat: Int32, Sendable, CustomStringConvertible {
    /// The type's text representation (what `psql` shows).
    case text = 0
    /// The type's binary send/receive representation.
    case binary = 1

    /// `text` or `binary`.
    public var description: String { self == .text ? "text" : "binary" }
}
