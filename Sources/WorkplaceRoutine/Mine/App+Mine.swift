import Foundation
import HTML
import HTTP
import Postgres

/// The employee's own view: their talks, the outcomes their manager proposed (to confirm or
/// decline), the outcomes they confirmed (to withdraw), and everything stored about them. Every
/// handler acts as wr_employee, so the database shows only the person's own rows.
extension App {
    func registerMine(_ router: inout Router) {
        router.get("/mine", authenticated(.employee) { context, transaction in
            guard let person = context.session?.personID else { return MinePage.noPerson(context) }
            let talks = try await Talk.all(of: person, transaction: transaction)
            let outcomes = try await ProposedOutcome.mine(in: transaction)
            return MinePage.render(context, talks: talks, outcomes: outcomes, notice: MineRequests.notice(context))
        })

        router.get("/mine/proposals/:id", authenticated(.employee) { context, transaction in
            let outcome = try await MineRequests.pending(context, transaction)
            var form = context.formState()
            form.values = ContactWishes.defaults(language: context.language)
            return ConfirmPage.render(context, outcome: outcome, form: form)
        })

        router.post("/mine/proposals/:id/confirm", authenticated(.employee) { [self] context, transaction in
            let outcome = try await MineRequests.pending(context, transaction)
            var form = context.formState()
            guard let wishes = ContactWishes.validate(&form, texts: context.texts.intake), let session = context.session else {
                return ConfirmPage.render(context, outcome: outcome, form: form, status: .unprocessableContent)
            }
            do {
                _ = try await SupportIntake.create(kind: .talkReferral, wishes: wishes, door: .identified,
                                                   organisation: session.organisationID, proposal: outcome.id,
                                                   contentKey: configuration.contentKey, in: transaction)
            } catch let error as PostgresError where error.sqlState == "P0002" {
                // Expired or already answered between showing the form and sending it.
                throw HTTPError(.notFound, code: "mine.proposal")
            }
            return .redirect(to: "/mine?saved=confirmed")
        })

        router.post("/mine/proposals/:id/decline", authenticated(.employee) { context, transaction in
            let outcome = try await MineRequests.pending(context, transaction)
            _ = try await transaction.query("SELECT routine.decline_outcome(\(outcome.id))")
            return .redirect(to: "/mine?saved=declined")
        })

        router.get("/mine/outcomes/:id/withdraw", authenticated(.employee) { context, transaction in
            let outcome = try await MineRequests.confirmed(context, transaction)
            return WithdrawPage.render(context, outcome: outcome)
        })

        router.post("/mine/outcomes/:id/withdraw", authenticated(.employee) { context, transaction in
            let outcome = try await MineRequests.confirmed(context, transaction)
            _ = try await transaction.query("SELECT routine.withdraw_outcome(\(outcome.id))")
            return .redirect(to: "/mine?saved=withdrawn")
        })

        router.get("/mine/data", authenticated(.employee) { context, transaction in
            StoredDataPage.render(context, data: try await StoredData.load(in: transaction))
        })

        router.get("/mine/data.json", authenticated(.employee) { context, transaction in
            let data = try await StoredData.load(in: transaction)
            var response = HTTPResponse(status: .ok, body: Array(try data.json()))
            response.headers.set("Content-Type", "application/json; charset=utf-8")
            response.headers.set("Content-Disposition", "attachment; filename=\"mina-uppgifter.json\"")
            return response
        })
    }
}

/// An outcome proposed for the acting employee, as they may see it (their own rows only).
struct ProposedOutcome: Sendable {
    let id: UUID
    let kind: OutcomeKind
    let proposedAt: Date
    let expiresAt: Date
    let confirmedAt: Date?

    /// Pending (not expired) and confirmed outcomes of the acting employee. Expired proposals are
    /// invisible here even before the scheduled deletion removes them.
    static func mine(in transaction: PostgresTransaction) async throws -> [ProposedOutcome] {
        try await transaction.query("""
            SELECT id, kind, proposed_at, expires_at, confirmed_at FROM support.outcome_proposal
            WHERE person_id = (SELECT app.person_id()) AND (confirmed_at IS NOT NULL OR expires_at > now())
            ORDER BY proposed_at
            """).compactMap { row in
            let (id, kind, proposed, expires, confirmed) = try row.decode((UUID, String, Date, Date, Date?).self)
            return OutcomeKind(rawValue: kind).map {
                ProposedOutcome(id: id, kind: $0, proposedAt: proposed, expiresAt: expires, confirmedAt: confirmed)
            }
        }
    }
}

/// The work behind the employee's routes.
enum MineRequests {
    static func notice(_ context: RequestContext) -> String? {
        let texts = context.texts.mine
        switch context.request.queryValue("saved") {
        case "confirmed": return texts.savedConfirmed
        case "declined": return texts.savedDeclined
        case "withdrawn": return texts.savedWithdrawn
        default: return nil
        }
    }

    /// The pending proposal of the path; someone else's, expired or answered → 404.
    static func pending(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> ProposedOutcome {
        guard let id = context.request.pathParameters["id"].flatMap(UUID.init(uuidString:)),
              let outcome = try await ProposedOutcome.mine(in: transaction).first(where: { $0.id == id && $0.confirmedAt == nil }) else {
            throw HTTPError(.notFound, code: "mine.proposal")
        }
        return outcome
    }

    /// The confirmed outcome of the path; someone else's or gone → 404.
    static func confirmed(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> ProposedOutcome {
        guard let id = context.request.pathParameters["id"].flatMap(UUID.init(uuidString:)),
              let outcome = try await ProposedOutcome.mine(in: transaction).first(where: { $0.id == id && $0.confirmedAt != nil }) else {
            throw HTTPError(.notFound, code: "mine.outcome")
        }
        return outcome
    }
}
