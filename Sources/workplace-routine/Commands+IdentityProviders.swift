import Foundation
import Postgres
import WorkplaceRoutine

/// The operator's commands for signing in through an organisation's own provider. They run as the
/// migration owner (WR_MIGRATION_DATABASE_URL) and need the content key (the client secret is sealed
/// under it). The secret comes from a file, never from the command line.
extension Commands {
    /// `identity-provider set|list|remove …`
    static func identityProvider(_ arguments: [String]) async throws -> Int32 {
        let configuration = try Configuration.fromEnvironment()
        switch arguments.first {
        case "set":
            let options = try Options(Array(arguments.dropFirst()),
                                      valued: ["--organisation", "--issuer", "--client-id", "--client-secret-file",
                                               "--employee-number-claim", "--kind", "--label", "--client-authentication"],
                                      flags: [])
            let provider = IdentityProviderSettings.Provider(
                organisationSlug: try options.required("--organisation"), kind: options.values["--kind"] ?? "staff",
                issuer: try options.required("--issuer"), clientID: try options.required("--client-id"),
                clientSecret: try secret(fromFile: try options.required("--client-secret-file"), option: "--client-secret-file"),
                employeeNumberClaim: options.values["--employee-number-claim"], label: options.values["--label"],
                clientAuthentication: options.values["--client-authentication"] ?? "client_secret_post")
            return try await withOwnerPool(configuration, name: "identity-provider") { pool in
                let (id, created) = try await IdentityProviderSettings.set(
                    provider, contentKey: configuration.contentKey, environment: configuration.environment, in: pool)
                print("\(created ? "added" : "changed") \(provider.kind) provider \(id.uuidString.lowercased()) for \(provider.organisationSlug)")
                print("register at the provider: redirect URI \(publicBase(configuration))/auth/oidc/callback, "
                      + "post-logout URI \(publicBase(configuration))/")
            }
        case "list":
            let options = try Options(Array(arguments.dropFirst()), valued: ["--organisation"], flags: [])
            return try await withOwnerPool(configuration, name: "identity-provider") { pool in
                let providers = try await IdentityProviderSettings.list(organisationSlug: options.values["--organisation"], in: pool)
                if providers.isEmpty { print("no identity providers") }
                for provider in providers {
                    print([provider.organisationSlug, provider.kind, provider.issuer, "client \(provider.clientID)",
                           provider.employeeNumberClaim.map { "claim \($0)" } ?? "no HR claim", provider.clientAuthentication,
                           "\"\(provider.label)\"", provider.id.uuidString.lowercased()].joined(separator: "  "))
                }
            }
        case "remove":
            let options = try Options(Array(arguments.dropFirst()), valued: ["--organisation", "--issuer"], flags: [])
            let slug = try options.required("--organisation")
            let issuer = try options.required("--issuer")
            return try await withOwnerPool(configuration, name: "identity-provider") { pool in
                let removed = try await IdentityProviderSettings.remove(organisationSlug: slug, issuer: issuer, in: pool)
                print(removed ? "removed the provider \(issuer) of \(slug)" : "\(slug) has no provider \(issuer)")
            }
        default:
            throw UsageError(message: "identity-provider needs: set | list | remove")
        }
    }

    /// `organisation password-login --organisation SLUG on|off`
    static func passwordLogin(_ arguments: [String]) async throws -> Int32 {
        guard let setting = arguments.last, setting == "on" || setting == "off" else {
            throw UsageError(message: "usage: organisation password-login --organisation SLUG on|off")
        }
        let options = try Options(Array(arguments.dropLast()), valued: ["--organisation"], flags: [])
        let slug = try options.required("--organisation")
        let configuration = try Configuration.fromEnvironment()
        return try await withOwnerPool(configuration, name: "organisation") { pool in
            let changed = try await IdentityProviderSettings.setPasswordLogin(organisationSlug: slug, allowed: setting == "on", in: pool)
            print(changed ? "password sign-in is now \(setting) for \(slug)" : "password sign-in was already \(setting) for \(slug)")
        }
    }

    /// `account unlink LOGIN`
    static func accountUnlink(_ arguments: [String]) async throws -> Int32 {
        guard arguments.count == 2, !arguments[1].hasPrefix("--") else { throw UsageError(message: "usage: account unlink LOGIN") }
        let configuration = try Configuration.fromEnvironment()
        return try await withOwnerPool(configuration, name: "account") { pool in
            let removed = try await IdentityProviderSettings.unlink(login: arguments[1], in: pool)
            print(removed ? "unlinked \(arguments[1]); its next sign-in is matched with HR again" : "\(arguments[1]) was not linked")
        }
    }

    /// Runs `body` with the owner's pool; an `OperationsError` is printed (it names the rule, never a
    /// value) and exits 1.
    static func withOwnerPool(_ configuration: Configuration, name: String,
                              _ body: (PostgresPool) async throws -> Void) async throws -> Int32 {
        let pool = try ownerPool(configuration, name: name)
        do {
            try await body(pool)
            await pool.close()
            return 0
        } catch let error as OperationsError {
            FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
            await pool.close()
            return 1
        } catch {
            await pool.close()
            throw error
        }
    }

    private static func publicBase(_ configuration: Configuration) -> String {
        var base = configuration.publicURL
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }
}
