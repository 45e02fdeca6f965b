/// The one wording of every employee- and support-side notification.
///
/// It depends on nothing but the language and the start page's address, so it is the same text and
/// the same length whatever happened and whoever receives it.
enum NeutralMessage {
    static func render(in language: Language, login: String) -> RenderedMessage {
        switch language {
        case .swedish:
            let sentence = "Du har ett nytt meddelande i Medarbetarstöd. Logga in på \(login) för att läsa det."
            return RenderedMessage(
                subject: "Nytt meddelande i Medarbetarstöd",
                body: "Hej!\n\n\(sentence)\n\nDet här meddelandet skickas automatiskt. Svara inte på det.\n",
                smsText: sentence
            )
        case .english:
            let sentence = "You have a new message in Medarbetarstöd. Log in at \(login) to read it."
            return RenderedMessage(
                subject: "New message in Medarbetarstöd",
                body: "Hello,\n\n\(sentence)\n\nThis message is sent automatically. Please do not reply to it.\n",
                smsText: sentence
            )
        }
    }
}
