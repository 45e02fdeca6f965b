public import Foundation
public import Postgres

/// Synthetic organisations for demonstrations and benchmarks (`workplace-routine demo --employees N
/// --organisations M --cycles C`): `demo.generate()` writes them set-based in one transaction, then
/// each organisation's figures are counted, suppressed and published in a transaction of its own, so
/// a municipal-scale load never holds one long transaction. Runs as the migration owner; development
/// only.
public enum SyntheticDemo {
    /// What to generate.
    public struct Options: Sendable, Equatable {
        /// Employees over all organisations (at least 10 per organisation).
        public var employees: Int
        /// Organisations, of very unequal sizes.
        public var organisations: Int
        /// Cycles (calendar years up to this one), 1–20.
        public var cycles: Int
        /// Seed of the random numbers; also part of every generated slug.
        public var seed: Int
        /// First part of the generated slugs.
        public var prefix: String
        /// A director login to create for the largest generated organisation (demo password), if any.
        public var director: String?

        /// Makes options.
        public init(employees: Int, organisations: Int, cycles: Int, seed: Int = 1, prefix: String = "demo", director: String? = nil) {
            self.employees = employees
            self.organisations = organisations
            self.cycles = cycles
            self.seed = seed
            self.prefix = prefix
            self.director = director
        }
    }

    /// What was generated.
    public struct Summary: Sendable, Equatable {
        /// Organisations.
        public var organisations: Int
        /// Units.
        public var units: Int
        /// People.
        public var persons: Int
        /// Talks.
        public var talks: Int
        /// Training records.
        public var trainingRecords: Int
        /// Support requests.
        public var supportRequests: Int
    }

    /// A generated organisation, largest first.
    public struct Organisation: Sendable, Equatable {
        /// Its id.
        public var id: UUID
        /// Its name ("Kommun 1").
        public var name: String
        /// Its people.
        public var persons: Int
    }

    /// Why the options cannot be used.
    public struct OptionsError: Error, CustomStringConvertible {
        /// What is wrong, for the command line.
        public let description: String
    }

    /// Checks the options the way `demo.generate()` will, so a mistake is reported before any work.
    public static func validate(_ options: Options) throws(OptionsError) {
        guard options.organisations >= 1, options.employees >= 10 * options.organisations else {
            throw OptionsError(description: "--employees must be at least 10 per organisation")
        }
        guard (1...20).contains(options.cycles) else { throw OptionsError(description: "--cycles must be 1–20") }
        guard options.seed >= 0, options.seed < 1_000_000 else { throw OptionsError(description: "--seed must be 0–999999") }
        guard options.prefix.range(of: "^[a-z0-9][a-z0-9-]{0,30}$", options: .regularExpression) != nil else {
            throw OptionsError(description: "--prefix must be lower-case letters, digits and '-'")
        }
    }

    /// Generates the data in one transaction and updates the planner's statistics; returns what was
    /// made and the new organisations, largest first. Refuses when organisations of the same prefix
    /// and seed exist (their slugs would collide).
    public static func generate(_ options: Options, into owner: PostgresPool) async throws -> (Summary, [Organisation]) {
        try validate(options)
        let pattern = slugPattern(options)
        let existing = try await owner.query("SELECT count(*) FROM org.organisation WHERE slug LIKE \(pattern)").first!.decode(Int.self, column: 0)
        guard existing == 0 else {
            throw OptionsError(description: "organisations with prefix \(options.prefix) and seed \(options.seed) exist; choose another --seed")
        }
        let summary = try await owner.transaction { transaction in
            let row = try await transaction.query("""
                SELECT organisations, units, persons, talks, training_records, support_requests
                FROM demo.generate(\(options.employees)::integer, \(options.organisations)::integer, \(options.cycles)::integer,
                                   \(options.seed)::integer, \(options.prefix))
                """).first!
            let (organisations, units, persons, talks, training, support) = try row.decode((Int, Int, Int, Int, Int, Int).self)
            return Summary(organisations: organisations, units: units, persons: persons, talks: talks, trainingRecords: training,
                           supportRequests: support)
        }
        // Fresh statistics, so the counting that follows plans for millions of rows, not for empty tables.
        for table in ["org.unit", "org.person", "org.training_record", "routine.cycle", "routine.talk", "support.request"] {
            _ = try await owner.query(PostgresQuery(unsafeSQL: "ANALYZE " + table))
        }
        let organisations = try await owner.query("""
            SELECT o.id, o.name, (SELECT count(*) FROM org.person p WHERE p.organisation_id = o.id)
            FROM org.organisation o WHERE o.slug LIKE \(pattern) ORDER BY 3 DESC, 2
            """).map { row in
            let (id, name, persons) = try row.decode((UUID, String, Int).self)
            return Organisation(id: id, name: name, persons: persons)
        }
        return (summary, organisations)
    }

    /// Counts, suppresses and publishes one organisation's figures in a transaction of its own.
    public static func refresh(_ organisation: UUID, in owner: PostgresPool) async throws {
        _ = try await owner.transaction { transaction in
            try await transaction.query("SELECT report.refresh_organisations(ARRAY[\(organisation)]::uuid[])")
        }
    }

    /// Creates a director account `login` (no person of its own) for `organisation`, with `password`.
    public static func createDirector(_ login: String, organisation: UUID, password: String, in owner: PostgresPool) async throws {
        _ = try await owner.transaction { transaction in
            let account = try await transaction.query("""
                INSERT INTO auth.account (organisation_id, login, display_name, password_hash)
                VALUES (\(organisation), \(login), 'Direktör (syntetisk)', ext.crypt(\(password), ext.gen_salt('bf', 12)))
                RETURNING id
                """).first!.decode(UUID.self, column: 0)
            return try await transaction.query("INSERT INTO auth.account_role (account_id, role) VALUES (\(account), 'director')")
        }
    }

    static func slugPattern(_ options: Options) -> String {
        options.prefix + "-" + String(options.seed) + "-%"
    }
}
