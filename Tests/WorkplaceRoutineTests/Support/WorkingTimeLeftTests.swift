import Foundation
import Testing
@testable import WorkplaceRoutine

@Suite struct WorkingTimeLeftTests {
    static func at(_ text: String) -> Date { ContactDeadline.parseISO8601(text)! }

    @Test func countsOnlyWorkingTimeBeforeTheDeadline() {
        // Received Friday 15:00, due Monday 15:00: on Saturday noon Monday's fifteen hours are left.
        let deadline = Self.at("2026-11-23T15:00:00+01:00")
        let left = WorkingTimeLeft(deadline: deadline, now: Self.at("2026-11-21T12:00:00+01:00"), calendar: .swedishDefault)
        #expect(left.hours == 15 && left.minutes == 0 && !left.isOverdue)
        #expect(left.text(Texts.of(.swedish).support) == "15 tim 0 min kvar")
    }

    @Test func countsWorkingTimePastTheDeadline() {
        let deadline = Self.at("2026-11-20T15:00:00+01:00")
        // Over a weekend only Friday's 9 hours count.
        let late = WorkingTimeLeft(deadline: deadline, now: Self.at("2026-11-22T20:00:00+01:00"), calendar: .swedishDefault)
        #expect(late.hours == 9 && late.minutes == 0 && late.isOverdue)
        #expect(late.text(Texts.of(.swedish).support) == "Försenat 9 tim 0 min")
    }

    @Test func showsTimesInStockholmWhateverTheServersZone() {
        let texts = Texts.of(.swedish).support
        let instant = Self.at("2026-11-23T14:00:00Z")
        #expect(SupportTime.long(instant, texts) == "måndag 23 november kl. 15:00")
        #expect(SupportTime.short(instant, texts) == "23 nov 2026 15:00")
        #expect(SupportTime.long(Self.at("2026-07-01T06:05:00Z"), Texts.of(.english).support) == "Wednesday 1 July at 08:05")
    }
}
