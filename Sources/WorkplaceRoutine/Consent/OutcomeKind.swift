/// A consented outcome of a talk (*överenskommen åtgärd*): what the employee, with the manager,
/// may ask for. It is stored only once the employee confirms it in their own view.
public enum OutcomeKind: String, Sendable, CaseIterable {
    /// "Vill bli kontaktad av stödfunktionen".
    case supportContact = "support_contact"
    /// "Vill ha skyddsåtgärder på arbetsplatsen".
    case workplaceSafety = "workplace_safety"
}
