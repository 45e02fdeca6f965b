import Foundation
import Postgres
import Synchronization
import TestSupport
@testable import Notifier

/// A clock a test sets; unset, it is the real time.
final class TestClock: Sendable {
    private let fixed = Mutex<Date?>(nil)

    init(_ date: Date? = nil) { fixed.withLock { $0 = date } }

    var now: Date { fixed.withLock { $0 } ?? Date() }
    func set(_ date: Date?) { fixed.withLock { $0 = date } }
}

/// The Notifier's own job handlers over real channels — aiosmtpd as the relay, the HTTP test
/// gateway for SMS, the inbox table — run by a worker in this process, with a clock the test sets.
final class NotifierHarness {
    let db: QueueDatabase
    let smtp: TestServerProcess
    let sms: TestServerProcess?
    let clock: TestClock
    let worker: QueueWorker
    private var running: Task<Void, Never>?

    static let links = ServiceLinks(base: URL(string: "https://medarbetarstod.testkommun.example")!)!

    static func make(
        db: QueueDatabase, smtpArguments: [String] = [], withSMS: Bool = false, clock: TestClock = TestClock(),
        contentKey: String = QueueDatabase.contentKey
    ) async throws -> NotifierHarness {
        let smtp = try await TestServerProcess.start(script: "smtp_server.py", arguments: smtpArguments)
        let sms = withSMS ? try await TestServerProcess.start(script: "sms_gateway.py") : nil
        let client = try SMTPClient(configuration: SMTPConfiguration(port: smtp.port, clientName: "notifier.test"), logger: .disabled)
        let email = EmailChannel(client: client, sender: Mailbox(EmailAddress("medarbetarstod@testkommun.example")!, displayName: "Medarbetarstöd"),
                                 links: links)
        let smsChannel: (any NotificationChannel)? = try sms.map { server in
            SMSChannel(gateway: try SMSGateway(configuration: SMSGatewayConfiguration(url: URL(string: "http://127.0.0.1:\(server.port)/sms")!, token: "t"),
                                               logger: .disabled), links: links)
        }
        let queue = db.queue("harness")
        let channels = NotificationChannels(email: email, sms: smsChannel, inService: InServiceChannel(inbox: DatabaseInbox(pool: db.notifier)))
        let handlers = NotifierJobs.handlers(queue: queue, channels: channels, contentKey: contentKey, clock: { clock.now }, logger: .disabled)
        let configuration = QueueWorkerConfiguration(pollInterval: .milliseconds(25), backoff: Backoff(unit: .milliseconds(10), jitter: 0))
        let listener = PostgresListener(configuration: db.database.configuration(user: "wr_worker"), logger: .disabled)
        let worker = QueueWorker(queue: queue, handlers: handlers, configuration: configuration, listener: listener, logger: .disabled)
        return NotifierHarness(db: db, smtp: smtp, sms: sms, clock: clock, worker: worker)
    }

    private init(db: QueueDatabase, smtp: TestServerProcess, sms: TestServerProcess?, clock: TestClock, worker: QueueWorker) {
        self.db = db
        self.smtp = smtp
        self.sms = sms
        self.clock = clock
        self.worker = worker
    }

    func start() {
        let worker = self.worker
        running = Task { await worker.run() }
    }

    /// Stops the worker; the test servers stay until the harness goes away, so what they received
    /// can still be read.
    func stop() async {
        worker.shutdown()
        await running?.value
    }

    /// Waits until no job is ready or running, and none is waiting to be retried.
    func settle(timeout: Duration = .seconds(30)) async throws -> Bool {
        let db = self.db
        return try await eventually(timeout: timeout) {
            try await db.owner.query("""
                SELECT count(*) FROM notify.job WHERE state IN ('available', 'running', 'retryable')
                """).first!.decode(Int.self, column: 0) == 0
        }
    }

    /// The messages the relay accepted.
    func mails() throws -> [[String: Any]] { try smtp.records() }
}
