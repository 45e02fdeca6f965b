import HTML

/// The two-way dialogue, oldest first, with who wrote each message and when. The person sees "You"
/// and "The support team"; the team sees "The person" and the worker's name.
struct DialogueList: Component {
    let messages: [SupportCase.Message]
    let texts: SupportTexts
    /// Whether the team is reading (names of workers, "the person").
    let forTeam: Bool

    var body: [Node] {
        if messages.isEmpty {
            Node.p(texts.noMessagesYet)
        } else {
            Node.ol(.class("dialogue")) {
                for message in messages {
                    Node.li(.class("message", message.author == .support ? "message--team" : "message--person")) {
                        Node.p(.class("message__meta")) {
                            Node.strong(author(message))
                            " · "
                            Node.time(.datetime(SupportTime.machine(message.createdAt)), text: SupportTime.short(message.createdAt, texts))
                        }
                        Node.p(.class("message__body"), text: message.body)
                    }
                }
            }
        }
    }

    private func author(_ message: SupportCase.Message) -> String {
        switch (message.author, forTeam) {
        case (.employee, true): texts.authorPerson
        case (.employee, false): texts.authorYou
        case (.support, true): message.authorName ?? texts.authorTeam
        case (.support, false): texts.authorTeam
        }
    }
}
