import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct PostgresConfigurationTests {
    @Test func parsesEveryPartOfAURL() throws {
        let configuration = try PostgresConfiguration(url: "postgres://wr_app:s%40cret%2Fpw@db.example.org:6543/work%20place?sslmode=require&application_name=wr-web&connect_timeout=3&statement_timeout=1500")
        #expect(configuration.user == "wr_app")
        #expect(configuration.password == "s@cret/pw")
        #expect(configuration.host == "db.example.org")
        #expect(configuration.port == 6543)
        #expect(configuration.database == "work place")
        #expect(configuration.sslMode == .require)
        #expect(configuration.applicationName == "wr-web")
        #expect(configuration.connectTimeout == .seconds(3))
        #expect(configuration.statementTimeout == .milliseconds(1500))
    }

    @Test func acceptsUnixSocketDirectoriesAndIPv6() throws {
        let query = try PostgresConfiguration(url: "postgresql:///workplace?host=/var/run/postgresql")
        #expect(query.host == "/var/run/postgresql")
        #expect(query.database == "workplace")
        #expect(query.usesUnixSocket)
        let authority = try PostgresConfiguration(url: "postgres://me@%2Ftmp%2Fpg:5433/db")
        #expect(authority.host == "/tmp/pg")
        #expect(authority.port == 5433)
        let ipv6 = try PostgresConfiguration(url: "postgres://[::1]:5432/db")
        #expect(ipv6.host == "::1")
        #expect(!ipv6.usesUnixSocket)
        let bare = try PostgresConfiguration(url: "postgres://")
        #expect(bare == PostgresConfiguration())
    }

    @Test func refusesMalformedURLs() {
        let bad = ["mysql://x/y", "postgres://h:99999/db", "postgres://h/db?sslmode=sometimes", "postgres://h/db?nonsense=1",
                   "postgres://a,b/db", "postgres://h/db?options=-c%20x=1", "postgres://h/db?sslmode", "postgres://h/%ZZ"]
        for url in bad {
            #expect(throws: PostgresError.self) { try PostgresConfiguration(url: url) }
        }
        #expect(throws: PostgresError.self) { try PostgresConfiguration(url: "postgres://h:abc/db") }
    }

    @Test func passesOtherLibpqKeywordsThrough() throws {
        let configuration = try PostgresConfiguration(url: "postgres://h/db?sslrootcert=/etc/ssl/root.crt&keepalives_idle=30")
        #expect(configuration.additionalParameters == ["sslrootcert": "/etc/ssl/root.crt", "keepalives_idle": "30"])
    }

    @Test func readsTheStandardEnvironment() throws {
        let configuration = try PostgresConfiguration.fromEnvironment([
            "PGHOST": "/run/pg", "PGPORT": "5544", "PGUSER": "wr", "PGPASSWORD": "hunter2", "PGDATABASE": "wr_db",
            "PGSSLMODE": "verify-full", "PGAPPNAME": "wr-notifier", "PGCONNECT_TIMEOUT": "7", "PGOPTIONS": "-c x=y",
        ])
        #expect(configuration == PostgresConfiguration(
            host: "/run/pg", port: 5544, user: "wr", password: "hunter2", database: "wr_db", sslMode: .verifyFull,
            applicationName: "wr-notifier", connectTimeout: .seconds(7)
        ))
        #expect(try PostgresConfiguration.fromEnvironment([:]) == PostgresConfiguration())
        let badPort = #expect(throws: PostgresError.self) { try PostgresConfiguration.fromEnvironment(["PGPORT": "none"]) }
        #expect(badPort?.reason?.hasPrefix("PGPORT") == true)
    }

    @Test func passwordNeverAppearsInAnyDescription() throws {
        let configuration = try PostgresConfiguration(url: "postgres://wr:TopSecret42@db/wr?sslpassword=AlsoSecret")
        for text in ["\(configuration)", String(reflecting: configuration), configuration.debugDescription] {
            #expect(!text.contains("TopSecret42"))
            #expect(!text.contains("AlsoSecret"))
        }
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!dumped.contains("TopSecret42"))
        #expect(configuration.description.hasPrefix("postgres://wr@db/wr?"))
    }

    @Test func connectsWithAURLOverTCPAndOverTheUnixSocket() async throws {
        let tcp = try TestCluster.superuserTCP()
        let password = try #require(tcp.password)
        let url = "postgres://\(tcp.user ?? "postgres"):\(password)@127.0.0.1:\(tcp.port!)/postgres?sslmode=disable&application_name=url-test"
        let overTCP = try await PostgresConnection.connect(configuration: try PostgresConfiguration(url: url), logger: .disabled)
        let tcpRows = try await overTCP.query("SELECT inet_client_addr() IS NOT NULL, current_setting('application_name')")
        #expect(try tcpRows.first!.decode((Bool, String).self) == (true, "url-test"))
        await overTCP.close()

        let socket = try TestCluster.superuser()
        let socketURL = "postgres:///postgres?host=\(socket.host!)&port=\(socket.port!)&user=\(socket.user!)"
        let overSocket = try await PostgresConnection.connect(configuration: try PostgresConfiguration(url: socketURL), logger: .disabled)
        let socketRows = try await overSocket.query("SELECT inet_client_addr() IS NULL")
        #expect(try socketRows.first!.decode(Bool.self))
        await overSocket.close()
    }

    @Test func resolvesHostNames() async throws {
        var configuration = try TestCluster.superuserTCP()
        configuration.host = "localhost"
        let connection = try await PostgresConnection.connect(configuration: configuration, logger: .disabled)
        #expect(try await connection.query("SELECT 1").first!.decode(Int.self) == 1)
        await connection.close()
    }
}
