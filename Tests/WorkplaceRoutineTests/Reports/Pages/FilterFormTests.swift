import Foundation
import Testing
@testable import WorkplaceRoutine

/// The unit choices: the organisation, the förvaltningar, and the chosen unit's path right under its
/// own förvaltning.
@Suite struct FilterFormTests {
    @Test func theChosenUnitsPathStandsUnderItsFörvaltning() {
        let f1 = UUID(), f2 = UUID(), a = UUID(), e = UUID()
        let units = [ReportUnit(depth: 0, id: nil, name: "Kommun", code: nil, hasChildren: true, onPath: true),
                     ReportUnit(depth: 1, id: f1, name: "F1", code: "F01", hasChildren: true, onPath: false),
                     ReportUnit(depth: 1, id: f2, name: "F2", code: "F02", hasChildren: true, onPath: true),
                     ReportUnit(depth: 3, id: e, name: "E", code: "F02-A-E", hasChildren: false, onPath: true),
                     ReportUnit(depth: 2, id: a, name: "A", code: "F02-A", hasChildren: true, onPath: true)]
        #expect(FilterForm.order(units).map(\.name) == ["Kommun", "F1", "F2", "A", "E"])
    }
}
