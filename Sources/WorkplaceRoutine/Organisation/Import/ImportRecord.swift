/// A person as the HR file describes them, validated (*en rad i HR-filen*).
struct ImportRecord: Sendable, Equatable {
    /// The line the row came from.
    let line: Int
    /// Anställningsnummer.
    let hrID: String
    /// Namn.
    let name: String
    /// E-post i arbetet.
    let workEmail: String?
    /// The unit's code.
    let unitCode: String
    /// The unit's name.
    let unitName: String
    /// The code of the unit above, if any.
    let parentUnitCode: String?
    /// The manager's HR id, if any.
    let managerHRID: String?
    /// Anställningsdatum.
    let hireDate: CalendarDay
    /// Slutdatum, if the employment ends.
    let endDate: CalendarDay?
    /// Skyddade personuppgifter.
    let protectedIdentity: Bool
}
