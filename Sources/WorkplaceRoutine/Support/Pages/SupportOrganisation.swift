import Foundation
import Postgres

/// An organisation as the public support pages know it: name and slug only (all wr_anonymous may
/// read). Used to choose where an anonymous request goes and which support resources to show.
struct SupportOrganisation: Sendable, Equatable {
    let id: UUID
    let name: String
    let slug: String

    /// Every organisation, by name.
    static func all(in transaction: PostgresTransaction) async throws -> [SupportOrganisation] {
        try await transaction.query("SELECT id, name, slug FROM org.organisation ORDER BY name, slug").map { row in
            let (id, name, slug) = try row.decode((UUID, String, String).self)
            return SupportOrganisation(id: id, name: name, slug: slug)
        }
    }

    /// The organisation named by `slug`, or the only one when there is just one.
    static func chosen(_ slug: String?, among organisations: [SupportOrganisation]) -> SupportOrganisation? {
        if organisations.count == 1 { return organisations[0] }
        guard let slug, !slug.isEmpty else { return nil }
        return organisations.first { $0.slug == slug }
    }

    /// Acts for this organisation for the rest of the anonymous transaction: its support resources
    /// become readable (row-level security) and audit entries carry it.
    func act(in transaction: PostgresTransaction) async throws {
        _ = try await transaction.query("SELECT set_config('app.organisation_id', \(id.uuidString.lowercased()), true)")
    }
}

/// One of an organisation's support resources (org.support_resource): who to call, and when.
struct SupportResource: Sendable {
    let kind: String
    let name: String
    let phone: String?
    let description: String
    let url: String?

    /// The resources of the organisation the transaction acts for, in their configured order.
    static func list(language: Language, in transaction: PostgresTransaction) async throws -> [SupportResource] {
        try await transaction.query("""
            SELECT kind, name_sv, name_en, phone, description_sv, description_en, url
            FROM org.support_resource ORDER BY position, name_sv
            """).map { row in
            let (kind, nameSV, nameEN, phone, descriptionSV, descriptionEN, url) =
                try row.decode((String, String, String, String?, String, String, String?).self)
            return SupportResource(kind: kind, name: language == .english ? nameEN : nameSV, phone: phone,
                                   description: language == .english ? descriptionEN : descriptionSV, url: url)
        }
    }

    /// The number for a `tel:` link: digits and a leading plus only.
    var telephoneHref: String? {
        guard let phone else { return nil }
        let digits = phone.filter { $0.isASCII && ($0.isNumber || $0 == "+") }
        return digits.isEmpty ? nil : "tel:" + digits
    }
}
