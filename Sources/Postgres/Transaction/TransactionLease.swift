import Synchronization

/// Whether a transaction handle may still be used.
final class TransactionLease: Sendable {
    private let ended = Atomic<Bool>(false)

    func end() { ended.store(true, ordering: .releasing) }

    func check() throws {
        if ended.load(ordering: .acquiring) {
            throw PostgresError(code: .useAfterRelease, operation: .query, reason: "transaction already ended")
        }
    }
}
