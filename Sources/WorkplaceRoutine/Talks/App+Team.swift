import Foundation
import HTML
import HTTP
import Postgres

/// The manager's routine: the team page, planning talks (one or many), recording that the question
/// was asked (or why not), and proposing a consented outcome. Every handler acts as wr_manager, so
/// row-level security decides which people and talks exist; a person who is not the manager's own
/// direct report is not found (404), whatever id is sent.
extension App {
    func registerTeam(_ router: inout Router) {
        router.get("/team", authenticated(.manager) { context, transaction in
            let cycle = try await TeamRequests.cycle(context, transaction)
            let team = try await TeamMember.team(in: cycle.id, transaction: transaction)
            return TeamPage.render(context, cycle: cycle, cycles: try await Cycle.all(in: transaction), team: team,
                                   form: context.formState(), notice: TeamRequests.notice(context))
        })

        router.post("/team/plan", authenticated(.manager) { context, transaction in
            try await TeamRequests.planMany(context, transaction)
        })

        router.get("/team/:person", authenticated(.manager) { context, transaction in
            let (cycle, member) = try await TeamRequests.member(context, transaction)
            let talks = try await Talk.all(of: member.personID, cycle: cycle.id, transaction: transaction)
            return PersonPage.render(context, cycle: cycle, member: member, talks: talks, form: context.formState(),
                                     notice: TeamRequests.notice(context))
        })

        router.post("/team/:person/plan", authenticated(.manager) { context, transaction in
            try await TeamRequests.plan(context, transaction)
        })

        router.post("/team/:person/unplan", authenticated(.manager) { context, transaction in
            let (cycle, member) = try await TeamRequests.member(context, transaction)
            if let open = member.openTalkID {
                _ = try await transaction.query("DELETE FROM routine.talk WHERE id = \(open) AND held_on IS NULL")
            }
            return .redirect(to: "/team/\(member.personID.lowercased)?cycle=\(cycle.id.lowercased)&saved=unplanned")
        })

        router.get("/team/:person/record", authenticated(.manager) { context, transaction in
            let (cycle, member) = try await TeamRequests.member(context, transaction)
            let talk = try await TeamRequests.talkToRecord(context, member: member, cycle: cycle, transaction)
            var form = context.formState()
            if let talk, let held = talk.heldOn, let asked = talk.questionAsked {
                form.values["held_on"] = [held.description]
                form.values["asked"] = [asked ? "yes" : "no"]
                if let reason = talk.notAskedReason { form.values["reason"] = [reason.rawValue] }
            } else {
                form.values["held_on"] = [Stockholm.today().description]
            }
            if let talk, talk.isLocked() {
                return RecordPage.locked(context, member: member, talk: talk)
            }
            return RecordPage.render(context, cycle: cycle, member: member, talk: talk,
                                     correctionDays: try await TeamRequests.correctionDays(transaction), form: form)
        })

        router.post("/team/:person/record", authenticated(.manager) { context, transaction in
            try await TeamRequests.record(context, transaction)
        })

        router.get("/team/:person/outcome", authenticated(.manager) { context, transaction in
            let (cycle, member) = try await TeamRequests.member(context, transaction)
            return OutcomePage.render(context, cycle: cycle, member: member,
                                      expiryDays: try await TeamRequests.setting(.proposalExpiryDays, transaction), form: context.formState())
        })

        router.post("/team/:person/outcome", authenticated(.manager) { context, transaction in
            try await TeamRequests.propose(context, transaction)
        })
    }
}

extension UUID {
    /// The lower-case form used in URLs and settings.
    var lowercased: String { uuidString.lowercased() }
}

/// The work behind the team routes.
enum TeamRequests {
    /// The cycle asked for (`?cycle=` or the form's `cycle`), else the current one. A cycle of another
    /// organisation is not found.
    static func cycle(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> Cycle {
        if let text = context.form?["cycle"] ?? context.request.queryValue("cycle"), !text.isEmpty {
            guard let id = UUID(uuidString: text), let cycle = try await Cycle.find(id, in: transaction) else {
                throw HTTPError(.notFound, code: "team.cycle")
            }
            return cycle
        }
        return try await Cycle.current(in: transaction)
    }

    /// The person of the path, looked up through row-level security: not the manager's → 404.
    static func member(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> (Cycle, TeamMember) {
        guard let id = context.request.pathParameters["person"].flatMap(UUID.init(uuidString:)) else {
            throw HTTPError(.notFound, code: "team.person")
        }
        let cycle = try await cycle(context, transaction)
        guard let member = try await TeamMember.find(id, in: cycle.id, transaction: transaction) else {
            throw HTTPError(.notFound, code: "team.person")
        }
        return (cycle, member)
    }

    /// How many days a record may be corrected in the acting organisation.
    static func correctionDays(_ transaction: PostgresTransaction) async throws -> Int {
        try await setting(.correctionDays, transaction)
    }

    /// A whole-number setting of the acting organisation.
    static func setting(_ name: OrganisationSetting, _ transaction: PostgresTransaction) async throws -> Int {
        let row = try await transaction.query("""
            SELECT correction_days, proposal_expiry_days, new_hire_days FROM org.organisation WHERE id = (SELECT app.organisation_id())
            """).first!
        let (correction, expiry, newHire) = try row.decode((Int32, Int32, Int32).self)
        switch name {
        case .correctionDays: return Int(correction)
        case .proposalExpiryDays: return Int(expiry)
        case .newHireDays: return Int(newHire)
        }
    }

    /// The notice after a redirect (`?saved=planned`, …).
    static func notice(_ context: RequestContext) -> String? {
        let texts = context.texts.team
        switch context.request.queryValue("saved") {
        case "planned": return texts.savedPlanned
        case "planned_many": return texts.savedPlannedMany
        case "unplanned": return texts.savedUnplanned
        case "recorded": return texts.savedRecorded
        default: return nil
        }
    }

    /// The talk the record form is about: the one named by `?talk=` / the form's `talk` (it must be
    /// the person's, in this cycle), else the planned one, else none (a new record).
    static func talkToRecord(_ context: RequestContext, member: TeamMember, cycle: Cycle,
                             _ transaction: PostgresTransaction) async throws -> Talk? {
        let talks = try await Talk.all(of: member.personID, cycle: cycle.id, transaction: transaction)
        if let text = context.form?["talk"] ?? context.request.queryValue("talk"), !text.isEmpty {
            guard let id = UUID(uuidString: text), let talk = talks.first(where: { $0.id == id }) else {
                throw HTTPError(.notFound, code: "team.talk")
            }
            return talk
        }
        return talks.first { $0.heldOn == nil }
    }

    /// A date and an optional time from the plan form; problems go into `form`.
    static func plannedInstant(_ form: inout FormState, cycle: Cycle, texts: TeamTexts) -> Date? {
        let dateText = form.value("date").trimmingCharacters(in: .whitespaces)
        let timeText = form.value("time").trimmingCharacters(in: .whitespaces)
        var day: CalendarDay?
        if dateText.isEmpty {
            form.fail("date", texts.dateMissing)
        } else if let parsed = CalendarDay(iso: dateText) {
            if parsed < Stockholm.today() {
                form.fail("date", texts.planDateInPast)
            } else if !cycle.contains(parsed) {
                form.fail("date", texts.dateOutsideCycle(cycle.startsOn.description, cycle.endsOn.description))
            } else {
                day = parsed
            }
        } else {
            form.fail("date", texts.dateInvalid)
        }
        var minutes: Int?
        if !timeText.isEmpty {
            minutes = ContactWishes.clockTime(timeText)
            if minutes == nil { form.fail("time", texts.timeInvalid) }
        }
        guard form.isValid, let day else { return nil }
        return Stockholm.instant(day, minutes: minutes)
    }

    /// Plans a talk for one person, or moves the planned one.
    static func plan(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> HTTPResponse {
        let (cycle, member) = try await member(context, transaction)
        var form = context.formState()
        guard let instant = plannedInstant(&form, cycle: cycle, texts: context.texts.team) else {
            let talks = try await Talk.all(of: member.personID, cycle: cycle.id, transaction: transaction)
            return PersonPage.render(context, cycle: cycle, member: member, talks: talks, form: form, notice: nil, status: .unprocessableContent)
        }
        try await schedule(member.personID, at: instant, cycle: cycle, context: context, transaction)
        return .redirect(to: "/team/\(member.personID.lowercased)?cycle=\(cycle.id.lowercased)&saved=planned")
    }

    /// Plans (or moves) one talk: the manager of record is the current manager, the acting person.
    static func schedule(_ person: UUID, at instant: Date, cycle: Cycle, context: RequestContext,
                         _ transaction: PostgresTransaction) async throws {
        guard let session = context.session, let manager = session.personID else { throw HTTPError(.forbidden, code: "team.noPerson") }
        let moved = try await transaction.execute("""
            UPDATE routine.talk SET planned_at = \(instant), manager_id = \(manager)
            WHERE person_id = \(person) AND cycle_id = \(cycle.id) AND held_on IS NULL
            """)
        if moved == 0 {
            _ = try await transaction.query("""
                INSERT INTO routine.talk (organisation_id, cycle_id, person_id, manager_id, planned_at)
                VALUES (\(session.organisationID), \(cycle.id), \(person), \(manager), \(instant))
                """)
        }
    }

    /// "Plan many at once": one date (and time) for every checked person.
    static func planMany(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> HTTPResponse {
        let cycle = try await cycle(context, transaction)
        let team = try await TeamMember.team(in: cycle.id, transaction: transaction)
        var form = context.formState()
        let texts = context.texts.team
        let chosen = Set(form.all("person").compactMap(UUID.init(uuidString:)))
        let members = team.filter { chosen.contains($0.personID) }
        // A checked id that is not in the manager's team is someone else's: refuse the whole request.
        if members.count != chosen.count || form.all("person").count != chosen.count {
            throw HTTPError(.notFound, code: "team.person")
        }
        if members.isEmpty { form.fail("person", texts.chooseSomeone) }
        let instant = plannedInstant(&form, cycle: cycle, texts: texts)
        guard form.isValid, let instant else {
            return TeamPage.render(context, cycle: cycle, cycles: try await Cycle.all(in: transaction), team: team, form: form,
                                   notice: nil, status: .unprocessableContent)
        }
        for member in members {
            try await schedule(member.personID, at: instant, cycle: cycle, context: context, transaction)
        }
        return .redirect(to: "/team?cycle=\(cycle.id.lowercased)&saved=planned_many")
    }

    /// Records a held talk: the date, whether the question was asked, and if not, why (from the
    /// fixed list). Corrections are refused by the database once the record is locked.
    static func record(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> HTTPResponse {
        let (cycle, member) = try await member(context, transaction)
        guard let session = context.session, let manager = session.personID else { throw HTTPError(.forbidden, code: "team.noPerson") }
        let talk = try await talkToRecord(context, member: member, cycle: cycle, transaction)
        let texts = context.texts.team
        var form = context.formState()
        var held: CalendarDay?
        let heldText = form.value("held_on").trimmingCharacters(in: .whitespaces)
        if heldText.isEmpty {
            form.fail("held_on", texts.dateMissing)
        } else if let day = CalendarDay(iso: heldText) {
            if day > Stockholm.today() {
                form.fail("held_on", texts.heldInFuture)
            } else if !cycle.contains(day) {
                form.fail("held_on", texts.dateOutsideCycle(cycle.startsOn.description, cycle.endsOn.description))
            } else {
                held = day
            }
        } else {
            form.fail("held_on", texts.dateInvalid)
        }
        var asked: Bool?
        switch form.value("asked") {
        case "yes": asked = true
        case "no": asked = false
        default: form.fail("asked", texts.askedMissing)
        }
        var reason: NotAskedReason?
        if asked == false {
            reason = NotAskedReason(rawValue: form.value("reason"))
            if reason == nil { form.fail("reason", texts.reasonMissing) }
        } else {
            // A reason only belongs to "not asked"; a stale choice is dropped, not stored.
            form.values["reason"] = nil
        }
        guard form.isValid, let held, let asked else {
            return RecordPage.render(context, cycle: cycle, member: member, talk: talk, correctionDays: try await correctionDays(transaction),
                                     form: form, status: .unprocessableContent)
        }
        do {
            try await transaction.transaction { savepoint in
                if let talk {
                    _ = try await savepoint.query("""
                        UPDATE routine.talk SET held_on = \(held.postgresDate), question_asked = \(asked),
                               not_asked_reason = \(reason?.rawValue), recorded_at = now(), recorded_by = \(session.accountID),
                               manager_id = \(manager)
                        WHERE id = \(talk.id)
                        """)
                } else {
                    _ = try await savepoint.query("""
                        INSERT INTO routine.talk (organisation_id, cycle_id, person_id, manager_id, held_on, question_asked,
                                                  not_asked_reason, recorded_at, recorded_by)
                        VALUES (\(session.organisationID), \(cycle.id), \(member.personID), \(manager), \(held.postgresDate), \(asked),
                                \(reason?.rawValue), now(), \(session.accountID))
                        """)
                }
            }
        } catch let error as PostgresError where error.server?.hint == "record_locked" {
            if let talk { return RecordPage.locked(context, member: member, talk: talk, status: .conflict) }
            throw error
        }
        return .redirect(to: "/team?cycle=\(cycle.id.lowercased)&saved=recorded")
    }

    /// Proposes a consented outcome through the one definer function the manager may call; the
    /// answer is the same neutral page whatever the employee's situation.
    static func propose(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> HTTPResponse {
        let (cycle, member) = try await member(context, transaction)
        let texts = context.texts.team
        var form = context.formState()
        let kind = OutcomeKind(rawValue: form.value("kind"))
        if kind == nil { form.fail("kind", texts.outcomeKindMissing) }
        if form.value("present") != "1" { form.fail("present", texts.outcomePresentMissing) }
        guard form.isValid, let kind else {
            return OutcomePage.render(context, cycle: cycle, member: member, expiryDays: try await setting(.proposalExpiryDays, transaction),
                                      form: form, status: .unprocessableContent)
        }
        _ = try await transaction.query("SELECT routine.propose_outcome(\(member.personID), \(kind.rawValue))")
        return OutcomePage.proposed(context, member: member, cycle: cycle)
    }
}
