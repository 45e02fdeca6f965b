import Foundation
import HTTP
import Lifecycle
import Notifier
import Observability
import Postgres
import WorkplaceRoutine

/// Parses the command line and runs one subcommand; returns the process exit status.
enum Commands {
    static let usage = """
        usage: workplace-routine <command> [options]

          serve                                   run the web service
          notifier                                run the Notifier: deliver notifications, run scheduled work
          notifier status                         show the queue: counts, running jobs, dead letters
          notifier retry ID                       run a dead, failing or waiting job again now
          notifier discard ID                     give up a job that has not run yet or is failing
          migrate [--status]                      apply pending migrations, or list them
          demo                                    load the demo organisation (development only)
          demo --employees N --organisations M --cycles C [--seed S] [--director LOGIN]
                                                  generate synthetic organisations and publish their
                                                  figures (development only; LOGIN: a director of
                                                  the largest, with the demo password)
          import org FILE --organisation ID [--dry-run] [--partial]
                                                  import people and units from an HR file (CSV or
                                                  .json); ID is the organisation's id or slug
          account role LOGIN ROLE [--revoke]      grant or remove an account role as the operator
                                                  (WR_MIGRATION_DATABASE_URL); the only way to grant
                                                  `overview`, every organisation's top-level figures
          sla-deadline --from <ISO 8601 time>     print the contact deadline (24 working hours)
          organisation create --name NAME --slug SLUG [--support-team NAME] [--support-email ADDRESS]
                                                  create an organisation and its default support team
          account create --organisation SLUG --login LOGIN --name NAME --roles R1,R2 --password-file FILE
                         [--person HR_ID] [--team-lead]
                                                  create an account (roles: employee, manager, support,
                                                  director, admin); the password is read from FILE
          organisation password-login --organisation SLUG on|off
                                                  allow or refuse password sign-in (off ends password
                                                  sessions at once)
          identity-provider set --organisation SLUG --issuer URL --client-id ID --client-secret-file FILE
                         --employee-number-claim NAME [--kind staff|eid] [--label TEXT]
                         [--client-authentication client_secret_post|client_secret_basic]
                                                  add or change an OpenID Connect provider (eid: no
                                                  --employee-number-claim); redirect URI
                                                  <WR_PUBLIC_URL>/auth/oidc/callback, post-logout <WR_PUBLIC_URL>/
          identity-provider list [--organisation SLUG]
          identity-provider remove --organisation SLUG --issuer URL
          account unlink LOGIN                    remove the account's pin to its provider subject
                                                  (the next sign-in is matched with HR again)
          rotate-content-key --new-key-file FILE [--old-key-file FILE]
                                                  re-seal all support content under a new key
                                                  (web service and Notifier stopped)

        Configuration comes from WR_* environment variables; see README.md.
        """

    static func run(_ arguments: [String]) async -> Int32 {
        guard let command = arguments.first else {
            FileHandle.standardError.write(Data((usage + "\n").utf8))
            return 64
        }
        let rest = Array(arguments.dropFirst())
        do {
            switch command {
            case "serve": return try await serve()
            case "notifier": return try await notifier(rest)
            case "migrate": return try await migrate(statusOnly: rest.contains("--status"))
            case "demo": return try await demo(rest)
            case "import": return try await importOrganisation(rest)
            case "sla-deadline": return try slaDeadline(rest)
            case "organisation": return try await rest.first == "password-login" ? passwordLogin(Array(rest.dropFirst())) : organisation(rest)
            case "account":
                switch rest.first {
                case "role": return try await accountRole(rest)
                case "unlink": return try await accountUnlink(rest)
                default: return try await account(rest)
                }
            case "identity-provider": return try await identityProvider(rest)
            case "rotate-content-key": return try await rotateContentKey(rest)
            case "help", "--help", "-h":
                print(usage)
                return 0
            default:
                FileHandle.standardError.write(Data("unknown command \(command)\n\n\(usage)\n".utf8))
                return 64
            }
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("configuration: \(error)\n".utf8))
            return 78
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("\(error.message)\n\n\(usage)\n".utf8))
            return 64
        } catch {
            // Generic text only: a database error's details may hold values.
            FileHandle.standardError.write(Data("\(command) failed: \(error)\n".utf8))
            return 1
        }
    }

    struct UsageError: Error {
        let message: String
    }

    static func logger(_ configuration: Configuration, label: String) -> Logger {
        Logger(label: label, level: Logger.Level(name: configuration.logLevel) ?? .info)
    }

    static func pool(url: String?, size: Int, name: String, logger: Logger, metrics: MetricsRegistry?) throws -> PostgresPool {
        let configuration = try url.map(PostgresConfiguration.init(url:)) ?? PostgresConfiguration.fromEnvironment()
        return PostgresPool(configuration: configuration, maximumConnections: size, name: name, logger: logger, metrics: metrics)
    }

    static func serve() async throws -> Int32 {
        let configuration = try Configuration.fromEnvironment()
        let logger = logger(configuration, label: "workplace-routine")
        let metrics = MetricsRegistry()
        let signals = try ProcessSignals()
        let pool = try pool(url: configuration.databaseURL, size: configuration.poolSize, name: "web", logger: logger, metrics: metrics)
        let app = App(configuration: configuration, pool: pool, logger: logger, metrics: metrics)
        let server = HTTPServer(
            configuration: .init(host: configuration.host, port: configuration.port,
                                 trustedProxies: configuration.trustProxy ? ["127.0.0.1", "::1"] : []),
            responder: app.makeRouter(), logger: logger, metrics: metrics)
        try server.start()
        logger.notice("serving", metadata: ["http.port": String(configuration.port), "env": configuration.environment.rawValue])
        let running = Task { try await server.run() }
        for await signal in signals {
            logger.notice("stopping", metadata: ["signal": "\(signal)"])
            break
        }
        server.shutdown()
        try await running.value
        await pool.close()
        logger.notice("stopped")
        return 0
    }

    static func notifier(_ arguments: [String]) async throws -> Int32 {
        let configuration = try Configuration.fromEnvironment()
        let logger = logger(configuration, label: "notifier")
        let notifierConfiguration = try NotifierSetup.configuration(from: configuration)
        switch arguments.first {
        case nil:
            break
        case "status", "retry", "discard":
            return try await notifierOperation(arguments, configuration: notifierConfiguration, logger: logger)
        default:
            throw UsageError(message: "unknown notifier command \(arguments[0])")
        }
        let signals = try ProcessSignals()
        let service = try NotifierService(configuration: notifierConfiguration, logger: logger, metrics: MetricsRegistry())
        let running = Task { await service.run() }
        logger.notice("notifier running", metadata: ["queue.worker": service.queue.workerName])
        if let signal = await signals.first() {
            logger.notice("stopping: finishing or giving back running jobs", metadata: ["signal": "\(signal)"])
        }
        service.shutdown()
        await running.value
        logger.notice("notifier stopped")
        return 0
    }

    static func notifierOperation(_ arguments: [String], configuration: NotifierConfiguration, logger: Logger) async throws -> Int32 {
        let pool = PostgresPool(configuration: NotifierSetup.acting(configuration.database), maximumConnections: 2,
                                name: "notifier-cli", logger: logger)
        let queue = JobQueue(pool: pool)
        defer { Task { await pool.close() } }
        if arguments[0] == "status" {
            print(try await queue.status().render())
            await pool.close()
            return 0
        }
        guard arguments.count == 2, let id = Int64(arguments[1]) else {
            throw UsageError(message: "notifier \(arguments[0]) needs a job id (a number, as `notifier status` shows)")
        }
        let done = arguments[0] == "retry" ? try await queue.retry(id) : try await queue.discard(id)
        await pool.close()
        if done {
            print("job \(id): \(arguments[0] == "retry" ? "queued to run again now" : "discarded")")
            return 0
        }
        print("job \(id): not changed (no such job, or it is running or already finished)")
        return 1
    }

    static func migrate(statusOnly: Bool) async throws -> Int32 {
        let configuration = try Configuration.fromEnvironment()
        let logger = logger(configuration, label: "migrate")
        let pool = try pool(url: configuration.migrationDatabaseURL ?? configuration.databaseURL, size: 2, name: "migrate", logger: logger, metrics: nil)
        defer { Task { await pool.close() } }
        let migrator = Migrator(directory: URL(fileURLWithPath: configuration.migrationsDirectory), logger: logger)
        if statusOnly {
            let status = try await migrator.status(pool)
            for migration in status.applied { print("applied  \(migration.name)") }
            for name in status.pending { print("pending  \(name)") }
            for problem in status.problems { print("PROBLEM  \(problem)") }
            return status.problems.isEmpty ? 0 : 1
        }
        let applied = try await migrator.migrate(pool)
        print(applied.isEmpty ? "migrations: nothing to apply" : "migrations applied: \(applied.joined(separator: ", "))")
        await pool.close()
        return 0
    }

    static func demo(_ arguments: [String]) async throws -> Int32 {
        let configuration = try Configuration.fromEnvironment()
        guard configuration.environment == .development else {
            throw UsageError(message: "demo data is for development only (WR_ENV=development)")
        }
        let synthetic = try demoOptions(arguments)
        let logger = logger(configuration, label: "demo")
        let pool = try pool(url: configuration.migrationDatabaseURL ?? configuration.databaseURL, size: 2, name: "demo", logger: logger, metrics: nil)
        let password = ProcessInfo.processInfo.environment["WR_DEMO_PASSWORD"] ?? DemoOrganisation.defaultPassword
        do {
            if let synthetic {
                try await generate(synthetic, password: password, pool: pool)
            } else {
                let created = try await DemoOrganisation.load(into: pool, password: password)
                try await DemoOrganisation.refreshFigures(in: pool)
                print(created ? "demo organisation loaded" : "demo organisation already present")
                print(DemoOrganisation.loginsText(password: password))
            }
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
        return 0
    }

    /// `--employees N --organisations M --cycles C [--seed S] [--prefix P] [--director LOGIN]`, or nil
    /// for the plain demo organisation.
    static func demoOptions(_ arguments: [String]) throws -> SyntheticDemo.Options? {
        guard !arguments.isEmpty else { return nil }
        var values: [String: String] = [:]
        var index = 0
        let known: Set<String> = ["--employees", "--organisations", "--cycles", "--seed", "--prefix", "--director"]
        while index < arguments.count {
            let name = arguments[index]
            guard known.contains(name), index + 1 < arguments.count else { throw UsageError(message: "demo: unknown or incomplete option \(name)") }
            values[name] = arguments[index + 1]
            index += 2
        }
        func number(_ name: String, default value: Int? = nil) throws -> Int {
            guard let text = values[name] else {
                if let value { return value }
                throw UsageError(message: "demo needs \(name) with the other options")
            }
            guard let number = Int(text.replacingOccurrences(of: "_", with: "")) else { throw UsageError(message: "demo: \(name) must be a number") }
            return number
        }
        let options = SyntheticDemo.Options(employees: try number("--employees"), organisations: try number("--organisations"),
                                            cycles: try number("--cycles"), seed: try number("--seed", default: 1),
                                            prefix: values["--prefix"] ?? "demo", director: values["--director"])
        do { try SyntheticDemo.validate(options) } catch { throw UsageError(message: "demo: \(error.description)") }
        return options
    }

    /// Generates, then publishes every organisation's figures one by one, largest first, with progress.
    static func generate(_ options: SyntheticDemo.Options, password: String, pool: PostgresPool) async throws {
        let clock = ContinuousClock()
        let started = clock.now
        print("generating \(options.employees) employees in \(options.organisations) organisations, \(options.cycles) cycles (seed \(options.seed)) …")
        let (summary, organisations) = try await SyntheticDemo.generate(options, into: pool)
        print("generated \(summary.organisations) organisations, \(summary.units) units, \(summary.persons) people, \(summary.talks) talks, "
              + "\(summary.trainingRecords) training records, \(summary.supportRequests) support requests in \(seconds(clock.now - started)) s")
        let publishing = clock.now
        for (index, organisation) in organisations.enumerated() {
            let one = clock.now
            try await SyntheticDemo.refresh(organisation.id, in: pool)
            print("published \(index + 1)/\(organisations.count): \(organisation.name) (\(organisation.persons) people) in \(seconds(clock.now - one)) s")
        }
        print("published every organisation's figures in \(seconds(clock.now - publishing)) s")
        if let login = options.director, let largest = organisations.first {
            try await SyntheticDemo.createDirector(login, organisation: largest.id, password: password, in: pool)
            print("director \(login) (password: \(password)) sees \(largest.name)")
        }
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    /// `import org FILE --organisation ID [--dry-run] [--partial]`: the same import as the admin page,
    /// as the web service's login role switched into wr_admin of that organisation, so the same
    /// definer function applies. Prints counts and the per-row report (codes, never values).
    static func importOrganisation(_ arguments: [String]) async throws -> Int32 {
        guard arguments.first == "org", arguments.count >= 2, !arguments[1].hasPrefix("--") else {
            throw UsageError(message: "import needs: org FILE --organisation ID [--dry-run] [--partial]")
        }
        let path = arguments[1]
        guard let index = arguments.firstIndex(of: "--organisation"), index + 1 < arguments.count else {
            throw UsageError(message: "import org needs --organisation ID (the organisation's id or slug)")
        }
        let organisationKey = arguments[index + 1]
        let dryRun = arguments.contains("--dry-run")
        let full = !arguments.contains("--partial")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(message: "cannot read \(path)")
        }
        let source: ImportSource = path.lowercased().hasSuffix(".json") ? .json : .csv
        let configuration = try Configuration.fromEnvironment()
        let logger = logger(configuration, label: "import")
        let pool = try pool(url: configuration.databaseURL, size: 1, name: "import", logger: logger, metrics: nil)
        let organisation = try await pool.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
            try await transaction.query("""
                SELECT id FROM org.organisation WHERE slug = \(organisationKey) OR id::text = lower(\(organisationKey))
                """).first?.decode(UUID.self, column: 0)
        }
        guard let organisation else {
            await pool.close()
            throw UsageError(message: "no organisation with that id or slug")
        }
        let admin = SessionContext(role: "wr_admin", settings: ["app.organisation_id": organisation.uuidString.lowercased(), "app.role": "admin"])
        let started = ContinuousClock.now
        let outcome: ImportOutcome
        do {
            outcome = try await pool.transaction(as: admin) { transaction in
                try await OrganisationImport.run(Array(data), source: source, dryRun: dryRun, full: full, in: transaction)
            }
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let texts = Texts.of(.english).admin
        for problem in outcome.problems {
            print("line \(problem.line): \(problem.field): \(problem.reason.rawValue) – \(texts.reason(problem.reason))")
        }
        if outcome.errorCount > outcome.problems.count {
            print("(\(outcome.errorCount - outcome.problems.count) more problems not listed)")
        }
        print("import \(outcome.status.rawValue): \(outcome.totalRows) rows, added \(outcome.added), updated \(outcome.updated), "
              + "deactivated \(outcome.deactivated), reactivated \(outcome.reactivated), problems \(outcome.errorCount) "
              + "(run \(outcome.runID.uuidString.lowercased()), \(String(format: "%.2f", seconds)) s)")
        return outcome.status == .rejected ? 65 : 0
    }

    static func slaDeadline(_ arguments: [String]) throws -> Int32 {
        guard let index = arguments.firstIndex(of: "--from"), index + 1 < arguments.count else {
            throw UsageError(message: "sla-deadline needs --from <ISO 8601 time>, e.g. 2026-11-20T15:00:00+01:00")
        }
        guard let from = ContactDeadline.parseISO8601(arguments[index + 1]) else {
            throw UsageError(message: "--from must be ISO 8601 with an offset, e.g. 2026-11-20T15:00:00+01:00")
        }
        let deadline = ContactDeadline(received: from)
        print("received \(ContactDeadline.iso8601(from))")
        print("warning  \(ContactDeadline.iso8601(deadline.warning))")
        print(ContactDeadline.iso8601(deadline.due))
        return 0
    }
}
