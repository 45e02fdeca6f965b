/// Something registered with the loop that reacts to readiness of its descriptor.
protocol LoopEventHandler: AnyObject {
    /// Called on the loop thread with the epoll event mask.
    func handle(events: UInt32)
}
