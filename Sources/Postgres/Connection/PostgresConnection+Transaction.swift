extension PostgresConnection {
    /// Runs `body` in a transaction: `BEGIN` (with the context's role and settings in the same round
    /// trip), then `COMMIT` when the body returns. Any error thrown by the body, and cancellation of
    /// the task, roll it back. A `COMMIT` that the server turns into a rollback (because a statement
    /// failed and the body caught the error) throws `.transactionRolledBack`.
    @discardableResult
    public func transaction<T>(
        as context: SessionContext? = nil,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresTransaction) async throws -> T
    ) async throws -> T {
        try await begin(context)
        let lease = TransactionLease()
        let value: T
        do {
            value = try await body(PostgresTransaction(connection: self, lease: lease))
        } catch {
            lease.end()
            await rollback()
            throw error
        }
        lease.end()
        if Task.isCancelled {
            await rollback()
            throw CancellationError()
        }
        let result: PostgresResult
        do {
            result = try await run(.simple("COMMIT"), operation: .commit)
        } catch {
            await rollback()
            throw error
        }
        if result.commandTag == "ROLLBACK" {
            throw PostgresError(code: .transactionRolledBack, operation: .commit, reason: "an earlier statement failed")
        }
        return value
    }

    private func begin(_ context: SessionContext?) async throws {
        guard let context, context.role != nil || !context.settings.isEmpty else {
            _ = try await run(.simple("BEGIN"), operation: .begin)
            return
        }
        let setup = try context.statement()
        do {
            _ = try await run(.pipeline(["BEGIN", setup]), operation: .begin)
        } catch {
            // BEGIN ran even if the setup failed (e.g. a role we may not switch to): end it.
            await rollback()
            throw error
        }
    }

    /// Rolls back, even when the task is cancelled. If that fails the session is in an unknown
    /// state, so it is marked for discarding.
    private func rollback() async {
        guard isUsable else { return }
        do {
            _ = try await runIgnoringCancellation(.simple("ROLLBACK"), operation: .rollback)
        } catch {
            markForDiscard()
        }
    }
}
