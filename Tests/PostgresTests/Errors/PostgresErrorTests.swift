import Foundation
import Postgres
import Testing

@Suite struct PostgresErrorTests {
    @Test func uniqueViolationCarriesSQLStateAndConstraintButNoValue() async throws {
        try await withDatabase { _, pool in
            try await pool.execute(unsafeScript: "CREATE TABLE person (email text CONSTRAINT person_email_key UNIQUE)")
            try await pool.execute("INSERT INTO person VALUES (\("anna@example.se"))")
            let error = await postgresError { try await pool.execute("INSERT INTO person VALUES (\("anna@example.se"))") }
            let failure = try #require(error)
            #expect(failure.code == .server)
            #expect(failure.sqlState == "23505")
            #expect(failure.conditionName == "unique_violation")
            #expect(failure.constraintName == "person_email_key")
            #expect(failure.tableName == "person")
            #expect(failure.operation == .query)
            #expect(failure.description == "server error 23505 (unique_violation) in query")
            #expect(!failure.description.contains("anna"))
            // The server's detail quotes the value, so it is only in debugDescription.
            #expect(failure.debugDescription.contains("Key (email)=(anna@example.se) already exists."))
        }
    }

    @Test func descriptionOfAFailedQueryNeverContainsTheBoundSecret() async throws {
        let secret = "personnummer-19800101-1234"
        let error = await postgresError { _ = try await Shared.pool().query("SELECT \(secret)::integer") }
        let failure = try #require(error)
        #expect(failure.sqlState == "22P02")
        #expect(!failure.description.contains(secret))
        #expect("\(failure)".contains("invalid_text_representation"))
        #expect(!String(describing: failure).contains(secret))
        // The server's message quotes the input; debugDescription is for developers' eyes only.
        #expect(failure.server?.message?.contains(secret) == true)
    }

    @Test func raisedExceptionsKeepTheirMessageForTheProduct() async throws {
        let error = await postgresError {
            try await Shared.pool().execute(unsafeScript: "DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'consent missing', HINT = 'ask'; END $$")
        }
        #expect(error?.sqlState == "P0001")
        #expect(error?.conditionName == "raise_exception")
        #expect(error?.operation == .script)
        #expect(error?.server?.message == "consent missing")
        #expect(error?.server?.hint == "ask")
    }

    @Test func syntaxErrorsReportPositionAndStatementForDevelopers() async throws {
        let error = await postgresError { _ = try await Shared.pool().query("SELEC 1") }
        #expect(error?.sqlState == "42601")
        #expect(error?.server?.position == 1)
        #expect(error?.debugDescription.contains("statement: SELEC 1") == true)
        let unsafe = await postgresError { _ = try await Shared.pool().query(PostgresQuery(unsafeSQL: "SELEC 'x'")) }
        #expect(unsafe?.debugDescription.contains("statement:") == false)
    }

    @Test func codesAreComparableAndNamed() {
        #expect(PostgresError.Code.poolTimeout == .poolTimeout)
        #expect(PostgresError.Code.server != .decoding)
        #expect("\(PostgresError.Code.connectionClosed)" == "connectionClosed")
        let error = PostgresError(code: .poolTimeout, operation: .acquire, reason: "no connection within 1s")
        #expect(error.description == "poolTimeout: no connection within 1s in acquire")
    }
}
