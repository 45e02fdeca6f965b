import Foundation
import Postgres
import Testing

@Suite struct PostgresJSONTests {
    struct Preferences: Codable, Sendable, Equatable {
        var channel: String
        var safeHours: [Int]
        var voiceMessages: Bool
        var note: String?
    }

    @Test(arguments: [PostgresFormat.binary, .text])
    func codableValuesRoundTripAsJSONB(format: PostgresFormat) async throws {
        let value = PostgresJSON(Preferences(channel: "sms", safeHours: [9, 10, 16], voiceMessages: false, note: "Å \"ö\""))
        #expect(try await echo(value, as: "jsonb", format: format) == value)
        #expect(try await echo(value, as: "json", format: format) == value)
        let channel = try await Shared.pool().query("SELECT \(value)->>'channel'")
        #expect(try channel.first!.decode(String.self) == "sms")
    }

    @Test func jsonThatDoesNotMatchIsADecodingErrorWithoutTheValue() async throws {
        let error = await postgresError {
            _ = try await select("'{\"channel\": \"secret-channel\"}'::jsonb", as: PostgresJSON<Preferences>.self)
        }
        #expect(error?.code == .decoding)
        #expect(error?.description.contains("secret-channel") == false)
        #expect(error?.debugDescription.contains("secret-channel") == false)
    }
}
