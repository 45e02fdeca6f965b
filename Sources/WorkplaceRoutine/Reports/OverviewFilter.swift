import Foundation
import HTTP

/// What the director asked to see: a cycle, a unit of the tree, a period (the whole cycle or one
/// month), from the query string of `/overview`, `/overview.csv` and `/api/overview`. Empty values
/// mean the default (the newest cycle, the whole organisation, every period). Anything malformed is
/// an error, never silently replaced: a crafted link must not show other figures than it names.
struct OverviewFilter: Sendable, Equatable {
    /// The cycle; nil: the newest with published figures.
    var cycle: UUID?
    /// The unit; nil: the organisation as a whole.
    var unit: UUID?
    /// A month `YYYY-MM`; nil: the whole cycle and its months.
    var month: String?

    /// Why a query could not be read.
    enum Problem: Error, Equatable {
        /// A value that is not an id or a month.
        case malformed(String)
    }

    /// Reads `cycle`, `unit` and `period` from `request`'s query.
    init(_ request: HTTPRequest) throws(Problem) {
        try self.init(cycle: request.queryValue("cycle"), unit: request.queryValue("unit"), period: request.queryValue("period"))
    }

    /// Reads the three parameters' texts.
    init(cycle: String?, unit: String?, period: String?) throws(Problem) {
        self.cycle = try OverviewFilter.id(cycle, name: "cycle")
        self.unit = try OverviewFilter.id(unit, name: "unit")
        if let period, !period.isEmpty {
            guard OverviewFilter.isMonth(period) else { throw .malformed("period") }
            month = period
        }
    }

    /// A filter of known values.
    init(cycle: UUID? = nil, unit: UUID? = nil, month: String? = nil) {
        self.cycle = cycle
        self.unit = unit
        self.month = month
    }

    private static func id(_ text: String?, name: String) throws(Problem) -> UUID? {
        guard let text, !text.isEmpty else { return nil }
        guard let id = UUID(uuidString: text) else { throw .malformed(name) }
        return id
    }

    /// `YYYY-MM` with a month from 01 to 12.
    static func isMonth(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }),
              let month = Int(text.suffix(2)) else { return false }
        return (1...12).contains(month)
    }

    /// The query string for these values (empty ones left out), e.g. `cycle=…&unit=…`.
    func query(cycle: UUID? = nil, unit: UUID?? = nil, month: String?? = nil) -> String {
        var items: [String] = []
        if let value = cycle ?? self.cycle { items.append("cycle=" + value.lowercased) }
        if let value = unit ?? self.unit { items.append("unit=" + value.lowercased) }
        if let value = month ?? self.month { items.append("period=" + value) }
        return items.joined(separator: "&")
    }
}
