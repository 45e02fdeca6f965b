import Foundation
import Testing
@testable import Notifier

@Suite struct MailDateTests {
    @Test func formatsAsRFC5322InUTC() {
        #expect(MailDate.format(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(MailDate.format(Date(timeIntervalSince1970: 1_795_000_000)) == "Wed, 18 Nov 2026 11:06:40 +0000")
    }

    @Test func hasTheSameLengthEveryDay() {
        let lengths = Set((0..<400).map { MailDate.format(Date(timeIntervalSince1970: 1_790_000_000 + Double($0) * 86_400 + 3_333)).count })
        #expect(lengths == [31])
    }
}
