/// Why a request was closed (*avslutsorsak*): categories only, never a description of the person.
public enum CloseOutcome: String, Sendable, Decodable, CaseIterable {
    /// Råd och stöd gavs.
    case adviceGiven = "advice_given"
    /// Hänvisad till socialtjänsten.
    case referredSocialServices = "referred_social_services"
    /// Samtalsstöd / behandling.
    case counselling
    /// Skyddsåtgärder på arbetsplatsen.
    case workplaceSafetyMeasures = "workplace_safety_measures"
    /// Personen ville inte ha mer kontakt.
    case noFurtherContact = "no_further_contact"
}
