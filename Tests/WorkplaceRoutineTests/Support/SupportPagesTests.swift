import Foundation
import Postgres
import Testing
@testable import WorkplaceRoutine

/// The journey over real HTTP against the real database: both doors, the receipt, the inbox and the
/// case page, as a browser would use them.
///
/// Serialized: each test makes a database of its own, and the whole suite starting at once would
/// queue dozens of CREATE DATABASE behind the shared test cluster's admin pool.
@Suite(.serialized) struct SupportPagesTests {
    /// A request as the form sends it: SMS, Monday–Wednesday 08:00–10:00, no voice messages, an
    /// Arabic interpreter.
    static func requestFields(channel: String = "sms", message: String = "Jag behöver prata med någon.") -> [(String, String)] {
        [("kind", "exposed"), ("channel", channel), ("phone", channel == "dialogue" ? "" : "070-123 45 67"), ("email", ""),
         ("safe_days", "1"), ("safe_days", "2"), ("safe_days", "3"), ("safe_from", "08:00"), ("safe_until", "10:00"),
         ("written_ok", "1"), ("language", "sv"), ("interpreter", "ar"), ("name", "Kim"), ("message", message)]
    }

    static let forbiddenInTitles = ["våld", "utsatt", "misshandel", "violence", "abuse", "exposed"]

    static func title(_ body: String) -> String {
        guard let start = body.range(of: "<title>"), let end = body.range(of: "</title>") else { return "" }
        return String(body[start.upperBound..<end.lowerBound])
    }

    static func receipt(in body: String) -> String? {
        guard let range = body.range(of: "[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}", options: .regularExpression) else { return nil }
        return String(body[range])
    }

    /// Sends an anonymous request and returns the receipt the page showed.
    static func sendAnonymously(_ fixture: AppFixture, channel: String = "dialogue", message: String = "Jag är orolig.") async throws -> String {
        let client = fixture.client()
        try await client.get("/stod/anonym")
        let response = try await client.post("/stod/anonym", requestFields(channel: channel, message: message))
        #expect(response.status == 200)
        return try #require(receipt(in: response.body))
    }

    /// Sends a request through the identified door (the form page first, for its CSRF token).
    @discardableResult
    static func sendIdentified(_ client: WebClient, message: String = "Jag behöver prata med någon.") async throws -> WebClient.Response {
        try await client.get("/stod/ny")
        return try await client.post("/stod/ny", requestFields(message: message))
    }

    static func requestIDs(_ fixture: AppFixture) async throws -> [UUID] {
        try await fixture.database.owner.query("SELECT id FROM support.request ORDER BY received_at, id").map { try $0.decode(UUID.self, column: 0) }
    }

    static func audits(_ fixture: AppFixture, _ action: String, _ id: UUID) async throws -> Int {
        try await fixture.database.owner.query("SELECT count(*)::bigint FROM audit.event WHERE action = \(action) AND object_id = \(id)")
            .first!.decode(Int.self, column: 0)
    }

    @Test func everyPageOfTheJourneyIsNeutralUncachedAndHasTheQuickExit() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let anonymous = fixture.client()
        let erik = try await fixture.client(loggedInAs: "medarbetare.erik")
        let sara = try await fixture.client(loggedInAs: "stod.sara")
        _ = try await Self.sendIdentified(erik)
        let id = try #require(try await Self.requestIDs(fixture).first)
        let pages: [(WebClient, String)] = [
            (anonymous, "/stod"), (anonymous, "/stod/sakerhet"), (anonymous, "/stod/anonym"), (anonymous, "/stod/svar"),
            (erik, "/stod/ny"), (erik, "/stod/mina"), (erik, "/stod/mina/\(id.uuidString.lowercased())"),
            (erik, "/stod/mina/\(id.uuidString.lowercased())/radera"), (sara, "/inbox"), (sara, "/inbox/\(id.uuidString.lowercased())"),
        ]
        for (client, path) in pages {
            let response = try await client.get(path)
            #expect(response.status == 200, "\(path)")
            #expect(response.headers["cache-control"] == "no-store", "\(path)")
            #expect(response.headers["referrer-policy"] == "no-referrer", "\(path)")
            #expect(response.body.contains("data-quick-exit") && response.body.contains("href=\"/exit\""), "\(path)")
            let title = Self.title(response.body).lowercased()
            #expect(!title.isEmpty)
            for word in Self.forbiddenInTitles { #expect(!title.contains(word), "\(path): title \(title)") }
        }
    }

    @Test func theJourneySpeaksEnglishWithEqualCare() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = fixture.client()
        client.setCookie("wr_lang", "en")
        let start = try await client.get("/stod")
        #expect(Self.title(start.body) == "Contact and support – Medarbetarstöd")
        #expect(start.body.contains("lang=\"en\"") && start.body.contains("Kvinnofridslinjen (national helpline)"))
        #expect(start.body.contains("weekdays that are not public holidays"))
        let form = try await client.get("/stod/anonym")
        #expect(Self.title(form.body) == "New contact – Medarbetarstöd" && form.body.contains("Write to the support team"))
        let sent = try await client.post("/stod/anonym", Self.requestFields())
        #expect(Self.title(sent.body) == "Your code – Medarbetarstöd" && sent.body.contains("cannot be recovered"))
    }

    @Test func theStartPageExplainsTheDoorsTheDeadlineAndWhoToCallNow() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let page = try await fixture.client().get("/stod")
        for text in ["Kontakt och stöd", "Med inloggning", "Utan att säga vem du är", "24 timmar", "helgdagar", "sekretess",
                     "Kvinnofridslinjen", "href=\"tel:020505050\"", "href=\"tel:112\"",
                     "href=\"/stod/ny\"", "href=\"/stod/anonym", "href=\"/stod/svar", "href=\"/stod/sakerhet\""] {
            #expect(page.body.contains(text), "start page lacks \(text)")
        }
        let safety = try await fixture.client().get("/stod/sakerhet")
        for text in ["historik", "privat", "jobbet", "Skift-tangenten tre gånger"] {
            #expect(safety.body.contains(text), "safety page lacks \(text)")
        }
    }

    @Test func severalOrganisationsAreChosenBetweenAndTheAnonymousFormAsksWhere() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        _ = try await fixture.database.owner.query("INSERT INTO org.organisation (name, slug) VALUES ('Annan kommun', 'annan')")
        let client = fixture.client()
        let start = try await client.get("/stod")
        #expect(start.body.contains("href=\"/stod?org=annan\"") && start.body.contains("href=\"/stod?org=ostersund-demo\""))
        let chosen = try await client.get("/stod?org=ostersund-demo")
        #expect(chosen.body.contains("Du ser stödet hos Östersunds kommun (demo)") && chosen.body.contains("Kvinnofridslinjen"))
        #expect(chosen.body.contains("href=\"/stod/anonym?org=ostersund-demo\""))
        let other = try await client.get("/stod?org=annan")
        #expect(!other.body.contains("Kvinnofridslinjen"))

        try await client.get("/stod/anonym")
        let missing = try await client.post("/stod/anonym", Self.requestFields())
        #expect(missing.status == 422)
        #expect(missing.body.contains("Välj var du arbetar."))
        // The organisation without a support team cannot take requests, and says what to do instead.
        let noTeam = try await client.post("/stod/anonym", Self.requestFields() + [("org", "annan")])
        #expect(noTeam.status == 503 && noTeam.body.contains("Ring i stället"))
        let sent = try await client.post("/stod/anonym", Self.requestFields() + [("org", "ostersund-demo")])
        #expect(sent.status == 200 && Self.receipt(in: sent.body) != nil)
    }

    @Test func theAnonymousDoorShowsTheReceiptOnceAndTheReplyIsReadWithIt() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let person = fixture.client()
        try await person.get("/stod/anonym")
        let sent = try await person.post("/stod/anonym", Self.requestFields(channel: "dialogue", message: "Min granne är rädd."))
        #expect(sent.status == 200 && sent.location == nil)
        #expect(sent.body.contains("kan inte tas fram igen"))
        let receipt = try #require(Self.receipt(in: sent.body))
        let digits = receipt.replacingOccurrences(of: " ", with: "")
        // Shown in the page only: no cookie, no header carries it; the database has only its bcrypt.
        #expect(!sent.setCookies.contains { $0.contains(digits) })
        #expect(!sent.headers.values.contains { $0.contains(digits) })
        let id = try #require(try await Self.requestIDs(fixture).first)
        let hash = try await fixture.database.owner.query("SELECT receipt_hash FROM support.request WHERE id = \(id)").first!.decode(String.self, column: 0)
        #expect(hash.hasPrefix("$2a$12$") && !hash.contains(digits))

        // The team replies.
        let sara = try await fixture.client(loggedInAs: "stod.sara")
        let casePage = try await sara.get("/inbox/\(id.uuidString.lowercased())")
        #expect(casePage.body.contains("Min granne är rädd."))
        let replied = try await sara.post("/inbox/\(id.uuidString.lowercased())/reply", [("reply", "Hej! Vi finns här. Berätta gärna mer.")])
        #expect(replied.status == 303)

        // The person comes back with the receipt, typed as they wrote it down.
        let reader = fixture.client()
        try await reader.get("/stod/svar")
        let opened = try await reader.post("/stod/svar", [("receipt", receipt.replacingOccurrences(of: " ", with: "-"))])
        #expect(opened.status == 303 && opened.location == "/stod/svar")
        let cookie = try #require(opened.setCookies.first { $0.hasPrefix("wr_receipt=") })
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Max-Age"))
        let view = try await reader.get("/stod/svar")
        #expect(view.body.contains("Hej! Vi finns här. Berätta gärna mer.") && view.body.contains("Min granne är rädd."))
        #expect(view.body.contains("Stödteamet har tagit kontakt med dig."))  // the dialogue was the channel: the reply was the contact
        let wrote = try await reader.post("/stod/svar/meddelande", [("body", "Tack. Hon vill ringa er.")])
        #expect(wrote.status == 303 && wrote.location == "/stod/svar?skickat=1")
        #expect(try await reader.get("/stod/svar?skickat=1").body.contains("Ditt meddelande är skickat."))
        #expect(try await sara.get("/inbox/\(id.uuidString.lowercased())").body.contains("Tack. Hon vill ringa er."))

        // Locking ends access at once.
        let locked = try await reader.post("/stod/svar/las", [])
        #expect(locked.body.contains("Sidan är låst"))
        #expect(try await reader.get("/stod/svar").body.contains("name=\"receipt\""))

        // Nothing about the visitor's address, the receipt or the content went to the database or the log.
        let stored = try await fixture.database.owner.query("""
            SELECT string_agg(x, ' ') FROM (SELECT e::text AS x FROM audit.event e UNION ALL SELECT s::text FROM support.receipt_session s
                                            UNION ALL SELECT r::text FROM support.request r UNION ALL SELECT j::text FROM notify.job j) t
            """).first!.decode(String.self, column: 0)
        #expect(!stored.contains("127.0.0.1") && !stored.contains(digits))
        for line in fixture.logs.lines {
            #expect(!line.contains(digits) && !line.contains("granne") && !line.contains("Vi finns här"))
        }
    }

    @Test func receiptLookUpsAreThrottledPerClientEvenForTheRightCode() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let receipt = try await Self.sendAnonymously(fixture)
        let guesser = fixture.client()
        try await guesser.get("/stod/svar")
        var statuses: [Int] = []
        let started = ContinuousClock.now
        for guess in 0..<5 {
            statuses.append(try await guesser.post("/stod/svar", [("receipt", String(repeating: String(guess), count: 16))]).status)
        }
        let elapsed = ContinuousClock.now - started
        #expect(statuses == [401, 401, 401, 401, 401])
        // Every failure is answered only after the fixed delay.
        #expect(elapsed >= fixture.app.receiptGuard.failureDelay * 5)
        let blocked = try await guesser.post("/stod/svar", [("receipt", receipt)])
        #expect(blocked.status == 429)
        #expect(blocked.body.contains("Vänta en minut"))
        #expect(guesser.cookies["wr_receipt"] == nil)
        // Refused before the database: only the five failures were counted there.
        let failures = try await fixture.database.owner.query("SELECT count(*)::bigint FROM audit.event WHERE action = 'support.receipt_failed'")
            .first!.decode(Int.self, column: 0)
        #expect(failures == 5)
    }

    @Test func aMalformedReceiptIsExplainedWithoutALookUpAndNeverEchoed() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = fixture.client()
        try await client.get("/stod/svar")
        let short = try await client.post("/stod/svar", [("receipt", "1234 5678 9012")])
        #expect(short.status == 422 && short.body.contains("Koden har 16 siffror"))
        #expect(!short.body.contains("1234 5678 9012"))
        let empty = try await client.post("/stod/svar", [("receipt", " ")])
        #expect(empty.status == 422 && empty.body.contains("Skriv din kod."))
        // A GET never looks anything up.
        let viaQuery = try await client.get("/stod/svar?receipt=1234567890123456")
        #expect(viaQuery.status == 200 && client.cookies["wr_receipt"] == nil)
        let lookups = try await fixture.database.owner.query("SELECT count(*)::bigint FROM audit.event WHERE action LIKE 'support.receipt%'")
            .first!.decode(Int.self, column: 0)
        #expect(lookups == 0)
    }

    @Test func badInputComesBackNextToItsFieldWithEverythingTypedKept() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = fixture.client()
        try await client.get("/stod/anonym")
        let long = String(repeating: "å", count: ContactWishes.messageLimit + 1)
        let fields: [(String, String)] = [("kind", "worried"), ("channel", "sms"), ("phone", "12"), ("safe_from", "08:00"), ("safe_until", "07:00"),
                                          ("language", "sv"), ("name", "Kim"), ("message", long)]
        let response = try await client.post("/stod/anonym", fields)
        #expect(response.status == 422)
        for id in ["phone", "safe_days", "safe_until", "message"] {
            #expect(response.body.contains("id=\"\(id)-error\""), "no error next to \(id)")
        }
        #expect(response.body.contains("value=\"12\"") && response.body.contains("value=\"Kim\"") && response.body.contains(long))
        #expect(response.body.contains("value=\"worried\" class=\"choice__input\" checked"))
        #expect(try await Self.requestIDs(fixture).isEmpty)
    }

    @Test func theIdentifiedDoorReachesTheInboxWithTheWishesFirstAndTimeLeft() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let erik = try await fixture.client(loggedInAs: "medarbetare.erik")
        try await erik.get("/stod/ny")
        let sent = try await erik.post("/stod/ny", Self.requestFields(message: "Det har blivit värre hemma."))
        #expect(sent.status == 303)
        let location = try #require(sent.location)
        #expect(location.hasPrefix("/stod/mina/") && location.hasSuffix("?ny=1"))
        let mine = try await erik.get(location)
        #expect(mine.body.contains("Tack. Vi har tagit emot det du skickade. Stödteamet kontaktar dig senast"))
        #expect(mine.body.contains("Bara SMS till 070-123 45 67, måndag–onsdag 08:00–10:00, inga röstmeddelanden"))
        let id = try #require(try await Self.requestIDs(fixture).first)
        let door = try await fixture.database.owner.query("SELECT door, channel FROM support.request WHERE id = \(id)").first!.decode((String, String).self)
        #expect(door == ("identified", "sms"))

        let sara = try await fixture.client(loggedInAs: "stod.sara")
        let inbox = try await sara.get("/inbox")
        #expect(inbox.body.contains("data-request=\"\(id.uuidString.lowercased())\""))
        #expect(inbox.body.contains(" min kvar") || inbox.body.contains("Försenat"))
        #expect(!inbox.body.contains("värre hemma") && !inbox.body.contains("070-123"))
        let audited = try await Self.audits(fixture, "support.case_read", id)
        let page = try await sara.get("/inbox/\(id.uuidString.lowercased())")
        let wishes = "Bara SMS till 070-123 45 67, måndag–onsdag 08:00–10:00, inga röstmeddelanden, skriftligt meddelande går bra, språk: svenska, tolk: arabiska."
        let wishesAt = try #require(page.body.range(of: wishes))
        let messageAt = try #require(page.body.range(of: "Det har blivit värre hemma."))
        #expect(wishesAt.lowerBound < messageAt.lowerBound)
        #expect(page.body.contains("Vill bli kallad: </strong>Kim"))
        // One audit entry per page view.
        #expect(try await Self.audits(fixture, "support.case_read", id) == audited + 1)
        try await sara.get("/inbox/\(id.uuidString.lowercased())")
        #expect(try await Self.audits(fixture, "support.case_read", id) == audited + 2)
    }

    @Test func theCasePageLogsAttemptsNotesClosesAndReopensWithFormErrorsKept() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let erik = try await fixture.client(loggedInAs: "medarbetare.erik")
        _ = try await Self.sendIdentified(erik)
        let id = try #require(try await Self.requestIDs(fixture).first)
        let base = "/inbox/\(id.uuidString.lowercased())"
        let sara = try await fixture.client(loggedInAs: "stod.sara")
        try await sara.get(base)

        let noResult = try await sara.post(base + "/attempt", [])
        #expect(noResult.status == 422 && noResult.body.contains("id=\"result-error\""))
        let tooLong = String(repeating: "a", count: ContactWishes.messageLimit + 1)
        let longNote = try await sara.post(base + "/note", [("note", tooLong)])
        #expect(longNote.status == 422 && longNote.body.contains("id=\"note-error\"") && longNote.body.contains(tooLong))
        let emptyReply = try await sara.post(base + "/reply", [("reply", "   ")])
        #expect(emptyReply.status == 422 && emptyReply.body.contains("id=\"reply-error\""))

        #expect(try await sara.post(base + "/attempt", [("result", "not_reached")]).location == base + "?done=attempt")
        #expect(try await sara.post(base + "/attempt", [("result", "reached")]).status == 303)
        #expect(try await sara.post(base + "/note", [("note", "Ringde 08:15, personen vill ha samtal igen på onsdag.")]).status == 303)
        let afterContact = try await sara.get(base + "?done=note")
        #expect(afterContact.body.contains("Anteckningen är sparad.") && afterContact.body.contains("inom tidsgränsen"))
        #expect(afterContact.body.contains("Ringde 08:15"))
        let (status, contacted) = try await fixture.database.owner.query("SELECT status, first_contact_at IS NOT NULL FROM support.request WHERE id = \(id)")
            .first!.decode((String, Bool).self)
        #expect(status == "contacted" && contacted)

        #expect(try await sara.post(base + "/close", []).status == 422)
        #expect(try await sara.post(base + "/close", [("outcome", "workplace_safety_measures")]).status == 303)
        let closed = try await sara.get(base)
        #expect(closed.body.contains("Skyddsåtgärder på arbetsplatsen") && !closed.body.contains("action=\"\(base)/reply\""))
        // A reply to a closed request (from a page opened before it closed) is refused and explained.
        let late = try await sara.post(base + "/reply", [("reply", "Ett sent svar")])
        #expect(late.status == 409 && late.body.contains("Öppna det igen") && late.body.contains("Ett sent svar"))
        #expect(try await sara.post(base + "/reopen", []).status == 303)
        #expect(try await fixture.database.owner.query("SELECT status FROM support.request WHERE id = \(id)").first!.decode(String.self, column: 0) == "contacted")
        // The person sees the team's reply but never the note.
        _ = try await sara.post(base + "/reply", [("reply", "Vi hörs på onsdag.")])
        let own = try await erik.get("/stod/mina/\(id.uuidString.lowercased())")
        #expect(own.body.contains("Vi hörs på onsdag.") && !own.body.contains("Ringde 08:15"))
    }

    @Test func craftedIdsAndOtherRolesFindNothing() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let erik = try await fixture.client(loggedInAs: "medarbetare.erik")
        _ = try await Self.sendIdentified(erik)
        let id = try #require(try await Self.requestIDs(fixture).first).uuidString.lowercased()
        let sara = try await fixture.client(loggedInAs: "stod.sara")
        #expect(try await sara.get("/inbox/\(UUID().uuidString.lowercased())").status == 404)
        #expect(try await sara.get("/inbox/not-a-request").status == 404)
        try await sara.get("/inbox")  // the session's CSRF token, from the page frame
        #expect(try await sara.post("/inbox/\(UUID().uuidString.lowercased())/reply", [("reply", "x")]).status == 404)
        let fatima = try await fixture.client(loggedInAs: "medarbetare.fatima")
        #expect(try await fatima.get("/stod/mina/\(id)").status == 404)
        #expect(try await fatima.get("/stod/mina/\(id)/radera").status == 404)
        try await fatima.get("/stod/mina")
        #expect(try await fatima.post("/stod/mina/\(id)/radera", []).status == 404)
        #expect(try await fatima.post("/stod/mina/\(id)/meddelande", [("body", "x")]).status == 404)
        for login in ["chef.anna", "direktor.lena", "admin.olof", "medarbetare.erik"] {
            let client = try await fixture.client(loggedInAs: login)
            #expect(try await client.get("/inbox").status == 403, "\(login)")
            #expect(try await client.get("/inbox/\(id)").status == 403, "\(login)")
        }
        // A support worker of another organisation sees nothing of this one.
        let (elsewhere, team) = try await fixture.database.owner.query("""
            WITH o AS (INSERT INTO org.organisation (name, slug) VALUES ('Annan kommun', 'annan') RETURNING id),
                 t AS (INSERT INTO support.team (organisation_id, name, is_default) SELECT id, 'Stöd', true FROM o RETURNING id, organisation_id)
            SELECT organisation_id, id FROM t
            """).first!.decode((UUID, UUID).self)
        let hash = try await fixture.database.owner.query("SELECT password_hash FROM auth.account WHERE login = 'stod.sara'").first!.decode(String.self, column: 0)
        _ = try await fixture.database.owner.query("""
            WITH a AS (INSERT INTO auth.account (organisation_id, login, display_name, password_hash) VALUES (\(elsewhere), 'stod.annan', 'Annan Stöd', \(hash)) RETURNING id),
                 r AS (INSERT INTO auth.account_role (account_id, role) SELECT id, 'support' FROM a)
            INSERT INTO support.team_member (team_id, account_id) SELECT \(team), id FROM a
            """)
        let stranger = try await fixture.client(loggedInAs: "stod.annan")
        #expect(try await stranger.get("/inbox/\(id)").status == 404)
        #expect(!(try await stranger.get("/inbox").body.contains(id)))
    }

    @Test func thePersonDeletesTheirRequestFromTheirOwnPage() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let erik = try await fixture.client(loggedInAs: "medarbetare.erik")
        _ = try await Self.sendIdentified(erik)
        let id = try #require(try await Self.requestIDs(fixture).first)
        let path = "/stod/mina/\(id.uuidString.lowercased())"
        let list = try await erik.get("/stod/mina")
        #expect(list.body.contains("href=\"\(path)\""))
        let confirm = try await erik.get(path + "/radera")
        #expect(confirm.body.contains("kan inte tas fram igen"))
        let deleted = try await erik.post(path + "/radera", [])
        #expect(deleted.status == 200 && deleted.body.contains("Din kontakt och allt i den är raderad."))
        #expect(try await Self.requestIDs(fixture).isEmpty)
        #expect(try await Self.audits(fixture, "support.request_deleted", id) == 1)
        #expect(try await erik.get(path).status == 404)
        #expect(try await erik.get("/stod/mina").body.contains("Du har inte skrivit till stödteamet."))
    }

    @Test func theQuickExitEndsTheReceiptSessionToo() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let receipt = try await Self.sendAnonymously(fixture)
        let person = fixture.client()
        try await person.get("/stod/svar")
        #expect(try await person.post("/stod/svar", [("receipt", receipt)]).status == 303)
        #expect(try await fixture.database.owner.query("SELECT count(*)::bigint FROM support.receipt_session").first!.decode(Int.self, column: 0) == 1)
        let token = try #require(person.cookies["wr_receipt"])
        let exit = try await person.get("/exit")
        #expect(exit.status == 303 && exit.location == "https://www.smhi.se/")
        #expect(exit.setCookies.contains { $0.hasPrefix("wr_receipt=;") && $0.contains("Max-Age=0") })
        #expect(exit.headers["clear-site-data"]?.contains("cookies") == true)
        #expect(try await fixture.database.owner.query("SELECT count(*)::bigint FROM support.receipt_session").first!.decode(Int.self, column: 0) == 0)
        // Even a copy of the old cookie opens nothing now.
        let copy = fixture.client()
        try await copy.get("/stod/svar")
        copy.setCookie("wr_receipt", token)
        let replay = try await copy.get("/stod/svar")
        #expect(replay.body.contains("Sidan har låsts") && !replay.body.contains("Jag är orolig."))
    }

    @Test func theAnonymousPersonDeletesTheirRequestWithTheReceipt() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let receipt = try await Self.sendAnonymously(fixture)
        let person = fixture.client()
        try await person.get("/stod/svar")
        _ = try await person.post("/stod/svar", [("receipt", receipt)])
        try await person.get("/stod/svar/radera")
        let deleted = try await person.post("/stod/svar/radera", [])
        #expect(deleted.status == 200 && deleted.body.contains("raderad"))
        #expect(try await Self.requestIDs(fixture).isEmpty)
        #expect(person.cookies["wr_receipt"] == nil)
    }
}
