import Foundation
import Postgres

/// A support contact (*stödkontakt*, a row of org.support_resource) as the administrator edits it,
/// in both languages, and as the manager's guide lists it; Östersund's are the demo default.
struct SupportContact: Sendable, Equatable {
    /// What kind of support it is.
    enum Kind: String, Sendable, CaseIterable {
        /// The organisation's own support team.
        case ownTeam = "own_team"
        /// Outside office hours.
        case outOfHours = "out_of_hours"
        /// Acute danger.
        case emergency
        /// A national helpline.
        case helpline
        /// For people who use violence.
        case perpetrator
        /// Anything else.
        case other
    }

    let id: UUID
    let position: Int
    let kind: Kind
    let nameSwedish: String
    let nameEnglish: String
    let phone: String?
    let descriptionSwedish: String
    let descriptionEnglish: String
    let url: String?

    /// The name in `language`.
    func name(_ language: Language) -> String { language == .english ? nameEnglish : nameSwedish }
    /// The description in `language`.
    func description(_ language: Language) -> String { language == .english ? descriptionEnglish : descriptionSwedish }

    /// The acting organisation's resources in order.
    static func all(in transaction: PostgresTransaction) async throws -> [SupportContact] {
        try await transaction.query("""
            SELECT id, position, kind, name_sv, name_en, phone, description_sv, description_en, url
            FROM org.support_resource WHERE organisation_id = (SELECT app.organisation_id())
            ORDER BY position, name_sv
            """).map { row in
            let (id, position, kind, nameSV, nameEN, phone, descriptionSV, descriptionEN, url) =
                try row.decode((UUID, Int32, String, String, String, String?, String, String, String?).self)
            return SupportContact(id: id, position: Int(position), kind: Kind(rawValue: kind) ?? .other, nameSwedish: nameSV,
                                   nameEnglish: nameEN, phone: phone, descriptionSwedish: descriptionSV,
                                   descriptionEnglish: descriptionEN, url: url)
        }
    }

    /// `tel:` link for a phone number as written ("063-14 30 00" → "tel:063143000").
    static func telephoneLink(_ phone: String) -> String {
        "tel:" + phone.filter { $0.isNumber || $0 == "+" }
    }
}
