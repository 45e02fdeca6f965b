import Testing
@testable import Notifier

@Suite struct MessageIDTests {
    @Test func derivesTheIdFromTheJob() throws {
        let id = try #require(MessageID(jobID: 123_456, domain: "Ostersund.SE"))
        #expect(id.value == "wr-job-123456@ostersund.se")
        #expect(id.description == "<wr-job-123456@ostersund.se>")
        #expect(MessageID(jobID: 123_456, domain: "ostersund.se") == id)
    }

    @Test func refusesDomainThatCouldInjectHeaders() {
        #expect(MessageID(jobID: 1, domain: "x.se>\r\nBcc: a@b.se") == nil)
        #expect(MessageID(jobID: 1, domain: "") == nil)
        #expect(MessageID(jobID: 1, domain: "två.se") == nil)
    }
}
