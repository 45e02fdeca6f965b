import Foundation
import Testing
import TestSupport
@testable import Notifier

/// Team-side notices end to end: the product enqueues an event with `notify.enqueue`, the
/// Notifier's handlers fan it out and send through a real SMTP server (aiosmtpd).
@Suite(.serialized) struct SupportTeamNoticesTests {
    @Test func aNewRequestReachesTheTeamMailboxWithTheNeutralTextAndHeaders() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        let harness = try await NotifierHarness.make(db: db)
        harness.start()
        let request = try await fixture.request()
        try await fixture.enqueueAsProduct(JobKind.supportNewRequest, request: request)
        #expect(try await eventually { try harness.mails().count == 1 })
        #expect(try await harness.settle())
        await harness.stop()

        let mail = try #require(try harness.mails().first)
        let child = try await db.owner.query("SELECT id FROM notify.job WHERE kind = 'support.team_notice'").first!.decode(Int64.self, column: 0)
        #expect(mail["rcpt_tos"] as? [String] == [SupportFixture.mailbox])
        #expect(mail["to_address"] as? String == SupportFixture.mailbox)
        #expect(mail["from_display_name"] as? String == "Medarbetarstöd")
        #expect(mail["from_address"] as? String == "medarbetarstod@testkommun.example")
        #expect(mail["subject"] as? String == "Nytt meddelande i Medarbetarstöd")
        #expect(mail["message_id"] as? String == "<wr-job-\(child)@testkommun.example>")
        let expected = NotificationTemplate.newMessageForSupport.render(in: .swedish, context: TemplateContext(links: NotifierHarness.links))
        #expect(mail["body"] as? String == expected.body)
        #expect((mail["defects"] as? [Any])?.isEmpty == true)
        try Self.expectNoSensitiveWord(in: mail)
        #expect(try await db.counts() == ["completed": 2])
    }

    @Test func withoutAMailboxEveryMemberGetsOneNoticeOfTheirOwn() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db, mailbox: nil)
        let harness = try await NotifierHarness.make(db: db)
        harness.start()
        try await fixture.enqueueAsProduct(JobKind.supportNewMessageForTeam, request: try await fixture.request())
        #expect(try await eventually { try harness.mails().count == 2 })
        #expect(try await harness.settle())
        await harness.stop()
        let recipients = try harness.mails().compactMap { ($0["rcpt_tos"] as? [String])?.first }
        #expect(Set(recipients) == [SupportFixture.leadEmail, SupportFixture.memberEmail])
        #expect(try harness.mails().count == 2, "nobody got the notice twice")
    }

    /// The relay refusing (4xx) or dropping the connection: each attempt fails, is retried after its
    /// backoff, and after the last attempt the job is kept as a dead letter with every error.
    @Test(arguments: [(["--reply", "rcpt=451"], "smtp.temporaryFailure"), (["--drop", "data"], "smtp.connectionDropped")])
    func aRelayThatFailsIsRetriedWithBackoffThenTheJobIsDiscardedWithItsErrors(arguments: [String], code: String) async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        let harness = try await NotifierHarness.make(db: db, smtpArguments: arguments)
        harness.start()
        try await fixture.enqueueAsProduct(JobKind.supportNewRequest, request: try await fixture.request(), maxAttempts: 3)
        #expect(try await eventually {
            try await db.counts(kind: JobKind.supportTeamNotice) == ["discarded": 1]
        })
        await harness.stop()

        let row = try await db.owner.query("""
            SELECT attempt, max_attempts, ARRAY(SELECT e ->> 'error' FROM jsonb_array_elements(errors) e),
                   ARRAY(SELECT (e ->> 'at')::timestamptz FROM jsonb_array_elements(errors) e)
            FROM notify.job WHERE kind = 'support.team_notice'
            """).first!
        let (attempt, maxAttempts, codes, times) = try row.decode((Int, Int, [String], [Date]).self)
        #expect(attempt == 3 && maxAttempts == 3)
        #expect(codes == [code, code, code])
        // Backoff of attempt⁴ × 10 ms: at least 160 ms between the second and the third attempt.
        #expect(times[2].timeIntervalSince(times[1]) >= 0.16)
        #expect(try harness.mails().isEmpty)
    }

    @Test func deadlineNoticesGoToTheTeamLeadOnceEach() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        let harness = try await NotifierHarness.make(db: db)
        harness.start()
        let request = try await fixture.request(warningIn: -60, deadlineIn: 3600)
        let quiet = try await fixture.request(warningIn: 3600, deadlineIn: 7200)
        let contacted = try await fixture.request(warningIn: -7200, deadlineIn: -60, status: "contacted")

        #expect(try await db.notifier.query("SELECT notify.support_deadline_scan()").first!.decode(Int.self, column: 0) == 1)
        #expect(try await db.notifier.query("SELECT notify.support_deadline_scan()").first!.decode(Int.self, column: 0) == 0)
        #expect(try await eventually { try harness.mails().count == 1 })

        _ = try await db.owner.query("UPDATE support.request SET deadline_at = now() - interval '1 minute' WHERE id = \(request)")
        #expect(try await db.notifier.query("SELECT notify.support_deadline_scan()").first!.decode(Int.self, column: 0) == 1)
        #expect(try await db.notifier.query("SELECT notify.support_deadline_scan()").first!.decode(Int.self, column: 0) == 0)
        #expect(try await eventually { try harness.mails().count == 2 })
        #expect(try await harness.settle())
        await harness.stop()

        let recipients = try harness.mails().compactMap { ($0["rcpt_tos"] as? [String])?.first }
        #expect(recipients == [SupportFixture.leadEmail, SupportFixture.leadEmail], "the lead, not the mailbox or the member")
        let kinds = try await db.owner.query("SELECT kind FROM notify.job WHERE kind LIKE 'support.deadline_%' ORDER BY id")
            .map { try $0.decode(String.self, column: 0) }
        #expect(kinds == ["support.deadline_warning", "support.deadline_breach"])
        let marks = try await db.owner.query("""
            SELECT id, warning_notified_at IS NOT NULL, breach_notified_at IS NOT NULL FROM support.request
            """).map { try $0.decode((UUID, Bool, Bool).self) }
        #expect(marks.first { $0.0 == request }.map { [$0.1, $0.2] } == [true, true])
        #expect(marks.first { $0.0 == quiet }.map { [$0.1, $0.2] } == [false, false])
        #expect(marks.first { $0.0 == contacted }.map { [$0.1, $0.2] } == [false, false], "a contacted request is not watched")
        for mail in try harness.mails() { try Self.expectNoSensitiveWord(in: mail) }
    }

    @Test func aRequestFoundPastItsDeadlineGetsOnlyTheBreachNotice() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        _ = try await fixture.request(warningIn: -7200, deadlineIn: -60)
        #expect(try await db.notifier.query("SELECT notify.support_deadline_scan()").first!.decode(Int.self, column: 0) == 1)
        let kinds = try await db.owner.query("SELECT kind FROM notify.job").map { try $0.decode(String.self, column: 0) }
        #expect(kinds == ["support.deadline_breach"])
    }

    @Test func aDeletedRequestSendsNothing() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        let harness = try await NotifierHarness.make(db: db)
        let request = try await fixture.request()
        try await fixture.enqueueAsProduct(JobKind.supportNewRequest, request: request)
        _ = try await db.owner.query("DELETE FROM support.request WHERE id = \(request)")
        harness.start()
        #expect(try await harness.settle())
        await harness.stop()
        #expect(try harness.mails().isEmpty)
        #expect(try await db.counts() == ["completed": 1])
    }

    /// No word about the subject in anything a relay, a phone or an onlooker sees.
    static func expectNoSensitiveWord(in mail: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = ((mail["subject"] as? String ?? "") + "\n" + (mail["body"] as? String ?? "")).lowercased()
        for term in NotificationTemplateTests.sensitiveTerms {
            #expect(!text.contains(term.lowercased()), "the notice contains \"\(term)\"", sourceLocation: sourceLocation)
        }
    }
}
