import Foundation
import Testing
@testable import Notifier

/// An employee's safe hours, read in Swedish local time, without I/O.
@Suite struct SafeHoursTests {
    static let weekdaysEightToTen = SafeHours(weekdays: 1...5, fromMinute: 8 * 60, untilMinute: 10 * 60)!

    @Test func aReplyAt22ForSomeoneSafe08To10IsDeliveredTheNextMorningAt08() {
        let tuesdayEvening = RecurringScheduleTests.stockholm("2026-11-24T22:00:00")
        #expect(Self.weekdaysEightToTen.earliestDelivery(from: tuesdayEvening) == RecurringScheduleTests.stockholm("2026-11-25T08:00:00"))
    }

    @Test func insideTheWindowItGoesAtOnce() {
        let nine = RecurringScheduleTests.stockholm("2026-11-25T09:30:00")
        #expect(Self.weekdaysEightToTen.contains(nine))
        #expect(Self.weekdaysEightToTen.earliestDelivery(from: nine) == nine)
    }

    @Test func theWindowEndsBeforeItsClosingTime() {
        let ten = RecurringScheduleTests.stockholm("2026-11-25T10:00:00")
        #expect(!Self.weekdaysEightToTen.contains(ten))
        #expect(Self.weekdaysEightToTen.earliestDelivery(from: ten) == RecurringScheduleTests.stockholm("2026-11-26T08:00:00"))
    }

    @Test func aFridayEveningReplyWaitsForMonday() {
        let friday = RecurringScheduleTests.stockholm("2026-11-27T18:00:00")
        #expect(Self.weekdaysEightToTen.earliestDelivery(from: friday) == RecurringScheduleTests.stockholm("2026-11-30T08:00:00"))
    }

    @Test func earlyInTheMorningItWaitsForTheSameDay() {
        let early = RecurringScheduleTests.stockholm("2026-11-25T06:10:00")
        #expect(Self.weekdaysEightToTen.earliestDelivery(from: early) == RecurringScheduleTests.stockholm("2026-11-25T08:00:00"))
    }

    @Test func hoursAreSwedishEvenWhenUTCIsAnotherDay() {
        // 23:30 UTC on Sunday is 00:30 on Monday in Stockholm (winter): a Monday-only window opens that morning.
        let mondayOnly = SafeHours(weekdays: [1], fromMinute: 8 * 60, untilMinute: 9 * 60)!
        let sundayUTC = Date(timeIntervalSince1970: 1_795_995_000)  // 2026-11-29T23:30:00Z
        #expect(mondayOnly.earliestDelivery(from: sundayUTC) == RecurringScheduleTests.stockholm("2026-11-30T08:00:00"))
    }

    @Test func emptyOrImpossibleHoursAreRefused() {
        #expect(SafeHours(weekdays: [], fromMinute: 0, untilMinute: 60) == nil)
        #expect(SafeHours(weekdays: [8], fromMinute: 0, untilMinute: 60) == nil)
        #expect(SafeHours(weekdays: [1], fromMinute: 600, untilMinute: 600) == nil)
    }
}
