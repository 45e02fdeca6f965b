import Foundation
import Observability
import Postgres
import WorkplaceRoutine

/// The operator commands of a real installation: creating the first organisation and accounts
/// (instead of the demo, which production refuses) and rotating the content key. All of them run as
/// the migration owner (`WR_MIGRATION_DATABASE_URL`); see deploy/OPERATIONS.md.
extension Commands {
    /// `--name value` pairs and bare flags, in any order.
    struct Options {
        var values: [String: String] = [:]
        var flags: Set<String> = []

        init(_ arguments: [String], valued: Set<String>, flags known: Set<String>) throws {
            var index = 0
            while index < arguments.count {
                let argument = arguments[index]
                if valued.contains(argument) {
                    guard index + 1 < arguments.count else { throw UsageError(message: "\(argument) needs a value") }
                    values[argument] = arguments[index + 1]
                    index += 2
                } else if known.contains(argument) {
                    flags.insert(argument)
                    index += 1
                } else {
                    throw UsageError(message: "unknown option \(argument)")
                }
            }
        }

        func required(_ name: String) throws -> String {
            guard let value = values[name], !value.isEmpty else { throw UsageError(message: "\(name) is required") }
            return value
        }
    }

    /// The first line of a file, without surrounding white space. Secrets come from files, never from
    /// the command line, where every user of the machine could read them in `ps`.
    static func secret(fromFile path: String, option: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw UsageError(message: "\(option): the file cannot be read")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func ownerPool(_ configuration: Configuration, name: String) throws -> PostgresPool {
        let logger = logger(configuration, label: name)
        return try pool(url: configuration.migrationDatabaseURL ?? configuration.databaseURL, size: 1, name: name,
                        logger: logger, metrics: nil)
    }

    /// `organisation create --name NAME --slug SLUG [--support-team NAME] [--support-email ADDRESS]`
    static func organisation(_ arguments: [String]) async throws -> Int32 {
        guard arguments.first == "create" else { throw UsageError(message: "usage: organisation create --name NAME --slug SLUG") }
        let options = try Options(Array(arguments.dropFirst()), valued: ["--name", "--slug", "--support-team", "--support-email"], flags: [])
        let organisation = NewOrganisation(
            name: try options.required("--name"), slug: try options.required("--slug"),
            supportTeamName: options.values["--support-team"] ?? NewOrganisation.defaultSupportTeamName,
            supportTeamEmail: options.values["--support-email"])
        let configuration = try Configuration.fromEnvironment()
        let pool = try ownerPool(configuration, name: "organisation")
        defer { Task { await pool.close() } }
        do {
            let id = try await organisation.create(in: pool)
            print("organisation created: \(organisation.slug) \(id.uuidString.lowercased())")
            await pool.close()
            return 0
        } catch let error as OperationsError {
            FileHandle.standardError.write(Data("organisation create: \(error)\n".utf8))
            await pool.close()
            return 1
        }
    }

    /// `account create --organisation SLUG --login LOGIN --name NAME --roles R1,R2 --password-file FILE
    /// [--person HR_ID] [--team-lead]`
    static func account(_ arguments: [String]) async throws -> Int32 {
        guard arguments.first == "create" else {
            throw UsageError(message: "usage: account create --organisation SLUG --login LOGIN --name NAME --roles R1,R2 --password-file FILE")
        }
        let options = try Options(Array(arguments.dropFirst()),
                                  valued: ["--organisation", "--login", "--name", "--roles", "--password-file", "--person"],
                                  flags: ["--team-lead"])
        let roles = Set(try options.required("--roles").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let account = NewAccount(
            organisationSlug: try options.required("--organisation"), login: try options.required("--login"),
            displayName: try options.required("--name"), roles: roles,
            password: try secret(fromFile: try options.required("--password-file"), option: "--password-file"),
            personHRID: options.values["--person"], teamLead: options.flags.contains("--team-lead"))
        let configuration = try Configuration.fromEnvironment()
        let pool = try ownerPool(configuration, name: "account")
        defer { Task { await pool.close() } }
        do {
            _ = try await account.create(in: pool)
            print("account created: \(account.login.lowercased()) (\(roles.sorted().joined(separator: ", ")))")
            await pool.close()
            return 0
        } catch let error as OperationsError {
            FileHandle.standardError.write(Data("account create: \(error)\n".utf8))
            await pool.close()
            return 1
        }
    }

    /// `rotate-content-key --new-key-file FILE [--old-key-file FILE]`: the current key is the
    /// configured one (WR_CONTENT_KEY_FILE) unless `--old-key-file` names another.
    static func rotateContentKey(_ arguments: [String]) async throws -> Int32 {
        let options = try Options(arguments, valued: ["--new-key-file", "--old-key-file"], flags: [])
        let configuration = try Configuration.fromEnvironment()
        let newKey = try secret(fromFile: try options.required("--new-key-file"), option: "--new-key-file")
        let currentKey = try options.values["--old-key-file"].map { try secret(fromFile: $0, option: "--old-key-file") }
            ?? configuration.contentKey
        let pool = try ownerPool(configuration, name: "rotate-content-key")
        defer { Task { await pool.close() } }
        do {
            let report = try await ContentKeyRotation(currentKey: currentKey, newKey: newKey).run(in: pool)
            for (column, values) in report.resealed { print("resealed \(values) values in \(column)") }
            print("content key rotated: \(report.total) values resealed in \(report.resealed.count) columns")
            await pool.close()
            return 0
        } catch let error as OperationsError {
            FileHandle.standardError.write(Data("rotate-content-key: \(error)\n".utf8))
            await pool.close()
            return 1
        }
    }
}
