import Dispatch

/// Handler tasks are created with this loop as their executor preference, so their jobs run here:
/// a job enqueued from the loop thread goes on a plain array (no lock, no wake-up); one enqueued
/// from elsewhere (a handler resuming after a database await) goes through the inbox and an eventfd.
extension EventLoop: TaskExecutor {
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        if inEventLoop {
            localJobs.append(job)
            return
        }
        let (accepted, wake) = inbox.withLock { inbox -> (Bool, Bool) in
            guard !inbox.stopped else { return (false, false) }
            inbox.jobs.append(job)
            defer { inbox.sleeping = false }
            return (true, inbox.sleeping)
        }
        if wake { wakeUp() }
        if !accepted {
            // The loop has stopped (after a shutdown bound): let the task finish on a global queue.
            let executor = asUnownedTaskExecutor()
            DispatchQueue.global().async { job.runSynchronously(on: executor) }
        }
    }
}
