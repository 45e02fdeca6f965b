/// A migration the migrator refuses or that failed; names the file.
public struct MigrationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Code: String, Sendable {
        /// A `.sql` file not named `NNNN_name.sql`.
        case invalidFileName
        /// Two files with the same number.
        case duplicateNumber
        /// The folder cannot be listed.
        case unreadableDirectory
        /// A file cannot be read.
        case unreadableFile
        /// An applied file was edited.
        case checksumMismatch
        /// An applied file is gone.
        case missingFile
        /// A file sorts before an applied one but is not applied.
        case outOfOrder
        /// The file's SQL failed (see `underlying`); it was rolled back.
        case failed
    }

    /// What is wrong.
    public var code: Code
    /// The file concerned.
    public var file: String
    /// A fixed explanation.
    public var reason: String
    /// The database error, for `.failed`.
    public var underlying: PostgresError?

    /// Creates the error.
    public init(code: Code, file: String, reason: String) {
        self.code = code
        self.file = file
        self.reason = reason
    }

    /// E.g. `migration 0002_schema.sql was edited after it was applied (…)`.
    public var description: String { "migration \(file) \(reason)" }
}
