/// A binary min-heap of deadlines; loop thread only.
struct TimerQueue {
    private struct Entry {
        var deadline: ContinuousClock.Instant
        var sequence: UInt64
        var timer: LoopTimer
        var action: () -> Void
    }

    private var heap: [Entry] = []
    private var sequence: UInt64 = 0

    mutating func insert(deadline: ContinuousClock.Instant, timer: LoopTimer, action: @escaping () -> Void) {
        sequence += 1
        heap.append(Entry(deadline: deadline, sequence: sequence, timer: timer, action: action))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard before(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Milliseconds until the earliest live deadline (rounded up), or -1 when there is none.
    mutating func millisecondsUntilNext() -> Int32 {
        while let first = heap.first, first.timer.isCancelled { _ = popFirst() }
        guard let first = heap.first else { return -1 }
        let remaining = ContinuousClock.now.duration(to: first.deadline)
        if remaining <= .zero { return 0 }
        let (seconds, attoseconds) = remaining.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }

    /// Runs the actions whose deadline has passed (reading the clock only when a timer exists).
    mutating func fireDue() {
        guard !heap.isEmpty else { return }
        let now = ContinuousClock.now
        while let first = heap.first, first.deadline <= now || first.timer.isCancelled {
            let entry = popFirst()
            if !entry.timer.isCancelled {
                entry.timer.cancel()
                entry.action()
            }
        }
    }

    private func before(_ a: Entry, _ b: Entry) -> Bool {
        a.deadline < b.deadline || (a.deadline == b.deadline && a.sequence < b.sequence)
    }

    private mutating func popFirst() -> Entry {
        let first = heap[0]
        let last = heap.removeLast()
        guard !heap.isEmpty else { return first }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, before(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count, before(heap[right], heap[smallest]) { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
