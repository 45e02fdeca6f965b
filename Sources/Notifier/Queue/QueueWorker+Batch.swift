import Foundation
import Synchronization

/// Running one claimed batch: handlers side by side, leases kept alive, outcomes recorded together.
extension QueueWorker {
    /// What the tasks of a batch report.
    private enum BatchEvent: Sendable {
        case finished(Int64, Result<JobOutcome, any Error>)
        case graceExpired
        case idle
    }

    /// The ids of a batch's jobs still running, for the lease heartbeat.
    private final class Unfinished: Sendable {
        private let ids: Mutex<Set<Int64>>
        init(_ ids: [Int64]) { self.ids = Mutex(Set(ids)) }
        func remove(_ id: Int64) { _ = ids.withLock { $0.remove(id) } }
        var snapshot: [Int64] { ids.withLock { Array($0) } }
    }

    /// Runs `jobs`, at most ``QueueWorkerConfiguration/deliveryConcurrency`` at once, and records
    /// each outcome: completions in one statement, failures and snoozes one by one, and jobs not
    /// finished when the shutdown grace ran out given back.
    func process(_ jobs: [Job]) async {
        let unfinished = Unfinished(jobs.map(\.id))
        var outcomes: [Int64: Result<JobOutcome, any Error>] = [:]
        var started = 0
        var graceExpired = false
        await withTaskGroup(of: BatchEvent.self) { group in
            group.addTask { await self.graceTimer() }
            group.addTask { await self.heartbeat(unfinished) }
            var running = 0
            while running < configuration.deliveryConcurrency, started < jobs.count, !isStopping {
                let job = jobs[started]
                group.addTask { await self.runHandler(job) }
                started += 1
                running += 1
            }
            while running > 0, let event = await group.next() {
                switch event {
                case .finished(let id, let result):
                    running -= 1
                    outcomes[id] = result
                    unfinished.remove(id)
                    if !graceExpired, !isStopping, started < jobs.count {
                        let job = jobs[started]
                        group.addTask { await self.runHandler(job) }
                        started += 1
                        running += 1
                    }
                case .graceExpired:
                    graceExpired = true
                    logger.warning("shutdown grace over; cancelling running jobs", metadata: ["queue.running": String(running)])
                    group.cancelAll()
                case .idle:
                    break
                }
            }
            group.cancelAll()
        }

        var completed: [Int64] = []
        var released = jobs[started...].map(\.id)
        var failed: [(Job, any Error)] = []
        var snoozed: [(Job, Date)] = []
        let abandoned = graceExpired || Task.isCancelled
        for job in jobs[..<started] {
            switch outcomes[job.id] {
            case .success(.completed)?: completed.append(job.id)
            case .success(.snoozed(let until))?: snoozed.append((job, until))
            case .failure(let error)?:
                if abandoned { released.append(job.id) } else { failed.append((job, error)) }
            case nil:
                released.append(job.id)
            }
        }
        // Recording outcomes must happen even when this task was cancelled: a separate task does not
        // inherit the cancellation.
        await Task { [self] in
            await record(completed: completed, failed: failed, snoozed: snoozed, released: released)
        }.value
    }

    private func runHandler(_ job: Job) async -> BatchEvent {
        guard let handler = handlers.handler(for: job.kind) else {
            return .finished(job.id, .failure(JobError(.unknownKind)))
        }
        do {
            return .finished(job.id, .success(try await handler.handle(job)))
        } catch {
            return .finished(job.id, .failure(error))
        }
    }

    /// Reports `.graceExpired` once the shutdown grace has run out; `.idle` when the batch ended first.
    private func graceTimer() async -> BatchEvent {
        await stop.wait()
        if Task.isCancelled { return .idle }
        do {
            try await Task.sleep(for: configuration.shutdownGrace)
        } catch {
            return .idle
        }
        return .graceExpired
    }

    /// Extends the leases of the batch's unfinished jobs every third of a lease.
    private func heartbeat(_ unfinished: Unfinished) async -> BatchEvent {
        while true {
            do {
                try await Task.sleep(for: configuration.lease / 3)
            } catch {
                return .idle
            }
            let ids = unfinished.snapshot
            if ids.isEmpty { return .idle }
            do {
                try await queue.extendLeases(ids, lease: configuration.lease)
            } catch {
                logger.warning("could not extend leases", metadata: ["error": "\(error)"])
            }
        }
    }

    private func record(completed: [Int64], failed: [(Job, any Error)], snoozed: [(Job, Date)], released: [Int64]) async {
        if !completed.isEmpty {
            await persistently("complete") { try await self.queue.complete(completed) }
        }
        for (job, date) in snoozed {
            await persistently("snooze") { try await self.queue.snooze(job.id, until: date) }
        }
        for (job, error) in failed {
            let failure = JobFailure(error)
            let retryAfter = failure.kind.isRetryable
                ? configuration.backoff.delay(afterAttempt: job.attempt, minimum: failure.retryAfter) : nil
            var state: JobState?
            await persistently("fail") { state = try await self.queue.fail(job.id, failure: failure, retryAfter: retryAfter) }
            let metadata = ["job.id": String(job.id), "job.kind": job.kind, "job.attempt": String(job.attempt),
                            "job.error": failure.code, "job.state": state?.rawValue ?? "-"]
            if state == .discarded {
                logger.error("job discarded after its last attempt or a permanent failure", metadata: metadata)
            } else if failure.kind == .misconfigured {
                logger.error("delivery failed: the channel's configuration needs an operator", metadata: metadata)
            } else {
                logger.warning("delivery failed; will retry", metadata: metadata)
            }
        }
        if !released.isEmpty {
            await persistently("release") { try await self.queue.release(released) }
            logger.notice("gave back unfinished jobs", metadata: ["queue.released": String(released.count)])
        }
    }

    /// Runs a bookkeeping statement until it succeeds, for at most half a lease (the database may be
    /// restarting). Giving up is safe: the jobs stay running and are rescued when their lease ends.
    private func persistently(_ what: String, _ body: () async throws -> Void) async {
        let deadline = ContinuousClock.now + configuration.lease / 2
        var pause = Duration.milliseconds(50)
        while true {
            do {
                try await body()
                return
            } catch {
                guard ContinuousClock.now + pause < deadline else {
                    logger.error("could not record job outcome; the lease will return the jobs", metadata: ["queue.step": what, "error": "\(error)"])
                    return
                }
                try? await Task.sleep(for: pause)
                pause = min(pause * 2, .seconds(2))
            }
        }
    }
}
