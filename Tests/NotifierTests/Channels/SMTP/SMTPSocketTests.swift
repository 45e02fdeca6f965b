import Testing
@testable import Notifier

@Suite struct SMTPSocketTests {
    @Test func recognisesLoopbackAddresses() {
        for address in ["127.0.0.1", "127.255.0.9", "::1", "::ffff:127.0.0.1"] {
            #expect(SMTPSocket.isLoopback(numericAddress: address) == true, "\(address)")
        }
    }

    @Test func doesNotTakeOtherAddressesForLoopback() {
        for address in ["10.0.0.1", "192.168.1.20", "128.0.0.1", "0.0.0.0", "::", "::2", "fe80::1", "::ffff:10.0.0.1", "::127.0.0.1"] {
            #expect(SMTPSocket.isLoopback(numericAddress: address) == false, "\(address)")
        }
        #expect(SMTPSocket.isLoopback(numericAddress: "localhost") == nil)
    }
}
