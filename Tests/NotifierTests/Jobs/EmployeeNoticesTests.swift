import Foundation
import Testing
import TestSupport
@testable import Notifier

/// Notices to the employee about their own request: only on the channel they chose, only inside
/// their safe hours, the private contact decrypted (and the read audited) right before sending.
@Suite(.serialized) struct EmployeeNoticesTests {
    static let tuesdayAt22 = RecurringScheduleTests.stockholm("2026-11-24T22:00:00")
    static let wednesdayAt08 = RecurringScheduleTests.stockholm("2026-11-25T08:00:00")

    @Test func aReplyAt22ForSomeoneSafe08To10WaitsUntil08TheNextDay() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        let clock = TestClock(Self.tuesdayAt22)
        let harness = try await NotifierHarness.make(db: db, clock: clock)
        harness.start()
        let request = try await fixture.request(channel: "email", safeWeekdays: [1, 2, 3, 4, 5], safeFrom: "08:00", safeUntil: "10:00")
        let job = try await fixture.enqueueAsProduct(JobKind.supportNewReplyForEmployee, request: request)

        #expect(try await eventually { try await db.job(job).state == "scheduled" })
        let waiting = try await db.job(job)
        #expect(waiting.runAt == Self.wednesdayAt08)
        #expect(waiting.attempt == 0, "waiting for safe hours is not a failed attempt")
        #expect(try harness.mails().isEmpty)
        #expect(try await fixture.audit("support.contact_read_for_notification", object: request).isEmpty,
                "the private address is not even read outside the safe hours")

        // Wednesday 08:00: the job is due (the database's clock is real, so its time is moved to now).
        clock.set(Self.wednesdayAt08.addingTimeInterval(30))
        _ = try await db.owner.query("UPDATE notify.job SET run_at = now() WHERE id = \(job)")
        #expect(try await eventually { try harness.mails().count == 1 })
        #expect(try await harness.settle())
        await harness.stop()

        let mail = try #require(try harness.mails().first)
        #expect(mail["rcpt_tos"] as? [String] == ["erik.privat@mejl.example"])
        #expect(mail["subject"] as? String == "Nytt meddelande i Medarbetarstöd")
        try SupportTeamNoticesTests.expectNoSensitiveWord(in: mail)
        #expect(try await db.job(job).state == "completed")
        let reads = try await fixture.audit("support.contact_read_for_notification", object: request)
        #expect(reads.map(\.0) == ["notifier"])
        #expect(reads.first?.1 == #"{"channel": "email"}"#, "the audit entry names the channel, never the address")
    }

    @Test func anSMSNoticeGoesToTheirOwnNumberInTheirLanguage() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        let harness = try await NotifierHarness.make(db: db, withSMS: true)
        harness.start()
        let request = try await fixture.request(channel: "sms", contact: "070-123 45 67", language: "en")
        try await fixture.enqueueAsProduct(JobKind.supportNewReplyForEmployee, request: request)
        let gateway = try #require(harness.sms)
        #expect(try await eventually { try gateway.records().count == 1 })
        #expect(try await harness.settle())
        await harness.stop()
        let body = try #require(try gateway.records().first?["body"] as? String)
        let message = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: String])
        #expect(message == ["to": "+46701234567", "message": "You have a new message in Medarbetarstöd. Log in at https://medarbetarstod.testkommun.example to read it."])
        #expect(try harness.mails().isEmpty, "nothing on any other channel")
    }

    @Test func aPhoneChannelGetsNoAutomaticMessage() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        let harness = try await NotifierHarness.make(db: db, withSMS: true)
        harness.start()
        let request = try await fixture.request(channel: "phone", contact: "070-123 45 67")
        let job = try await fixture.enqueueAsProduct(JobKind.supportNewReplyForEmployee, request: request)
        #expect(try await eventually { try await db.job(job).state == "completed" })
        await harness.stop()
        #expect(try harness.mails().isEmpty)
        #expect(try harness.sms?.records().isEmpty == true)
        #expect(try await fixture.audit("support.contact_read_for_notification", object: request).isEmpty)
    }

    @Test func theDialogueChannelUsesTheInboxInsideTheService() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        let harness = try await NotifierHarness.make(db: db)
        harness.start()
        let request = try await fixture.request(channel: "dialogue")
        let job = try await fixture.enqueueAsProduct(JobKind.supportNewReplyForEmployee, request: request)
        #expect(try await eventually { try await db.job(job).state == "completed" })
        await harness.stop()
        let inbox = try await db.owner.query("SELECT job_id, account_id, template FROM notify.inbox_message")
            .map { try $0.decode((Int64, UUID, String).self) }
        #expect(inbox.count == 1)
        #expect(inbox.first?.0 == job)
        #expect(inbox.first?.1 == fixture.employeeAccount)
        #expect(inbox.first?.2 == "new-message-employee")
        #expect(try harness.mails().isEmpty)
    }

    @Test func anAnonymousDialogueCannotBeReachedAndNothingIsSent() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        let harness = try await NotifierHarness.make(db: db)
        harness.start()
        let request = try await fixture.request(door: "anonymous", channel: "dialogue")
        let job = try await fixture.enqueueAsProduct(JobKind.supportNewReplyForEmployee, request: request)
        #expect(try await eventually { try await db.job(job).state == "completed" })
        await harness.stop()
        #expect(try await db.owner.query("SELECT count(*) FROM notify.inbox_message").first!.decode(Int.self, column: 0) == 0)
        #expect(try harness.mails().isEmpty)
    }

    @Test func aWrongContentKeyIsRetriedForTheOperatorToFix() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        let harness = try await NotifierHarness.make(db: db, contentKey: "a-different-key-that-is-long-enough-0123456789")
        harness.start()
        let request = try await fixture.request(channel: "email")
        let job = try await fixture.enqueueAsProduct(JobKind.supportNewReplyForEmployee, request: request)
        #expect(try await eventually { try await db.job(job).errors.first == "job.contentKeyRejected" })
        await harness.stop()
        #expect(try harness.mails().isEmpty)
        #expect(try await fixture.audit("support.contact_read_for_notification", object: request).isEmpty,
                "a read that decrypted nothing leaves no entry")
    }

    @Test func smsWithoutAGatewayWaitsAndIsRetried() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        let harness = try await NotifierHarness.make(db: db)
        harness.start()
        let request = try await fixture.request(channel: "sms", contact: "070-123 45 67")
        let job = try await fixture.enqueueAsProduct(JobKind.supportNewReplyForEmployee, request: request)
        #expect(try await eventually { try await db.job(job).errors.first == "job.channelNotConfigured" })
        await harness.stop()
        #expect(try await db.job(job).state != "discarded")
    }
}
