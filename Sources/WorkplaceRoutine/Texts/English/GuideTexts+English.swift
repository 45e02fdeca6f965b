extension GuideTexts {
    static let english = GuideTexts(
        title: "Guide to the question about violence in close relationships",
        intro: "This guide helps you as a manager to ask the question about violence in close relationships in the development talk, and to know what to do if the answer is yes.",
        contents: "Contents",
        printableLink: "Printable version",
        printableNote: "Printable version of the guide. Use the browser's print function to print it or save it as PDF.",
        printButton: "Print",
        backToGuide: "Back to the guide",
        sections: [
            GuideSection(
                id: "varfor", heading: "Why everyone is asked",
                paragraphs: [
                    "Violence in close relationships is common and rarely visible. Many who are exposed never tell anyone unless they are asked.",
                    "When everyone is asked, every year, nobody feels singled out. The question becomes routine and everyone learns where support can be found – also those who cannot or will not tell right now, and those who worry about someone else.",
                    "The employer is responsible for the working environment. Violence at home often affects work, and the workplace can be a safe place to get help from.",
                ]),
            GuideSection(
                id: "sa-fragar-du", heading: "How to ask",
                paragraphs: ["Ask when you are alone and nobody else can hear. If that is not possible, for example because an interpreter or someone else is present, wait with the question and record why."],
                items: [
                    "Ask for permission: “Is it all right if I ask you a question about how things are at home?”",
                    "Say that everyone is asked: “I ask all my staff this, because violence in close relationships is common.”",
                    "Ask plainly: “Has anyone close to you hurt, threatened or controlled you?”",
                    "Listen. Let silence be. Show that you believe what you are told.",
                    "Do not investigate. You do not need to find out what happened or judge how serious it is – the support team does that.",
                    "Say where support can be found, whatever the answer, and that the employee can seek it themself at any time, also anonymously.",
                ],
                after: ["The answer belongs to the employee. You never write down what they answered, only that the question was asked."]),
            GuideSection(
                id: "former", heading: "Violence is more than blows",
                paragraphs: ["Violence in close relationships takes many forms, often several at once:"],
                items: [
                    "Physical violence: hitting, pushing, strangling, holding down.",
                    "Psychological violence: threats, humiliation, control, isolation from friends and family.",
                    "Economic violence: taking money, denying access to one's own money, or putting someone in debt.",
                    "Latent violence: the constant threat of violence, which makes a person adapt to avoid it.",
                    "Sexual violence: forcing or pressuring someone into sexual acts.",
                    "Honour-related violence and oppression: control and restrictions to protect the family's reputation.",
                    "Threats, isolation and control count too, even without physical violence.",
                ]),
            GuideSection(
                id: "om-svaret-ar-ja", heading: "If the answer is yes",
                paragraphs: [
                    "Thank them for their trust. Say that it is not their fault and that help exists.",
                    "Ask whether they are in acute danger. If they are: call 112.",
                    "Ask what the employee wants. Together with the employee you can propose contact with the support team or safety measures at work. The employee confirms it themself and chooses how and when they want to be contacted.",
                    "The employee can also contact support themself, with or without logging in, and stay anonymous.",
                    "What the employee tells you stays between you. Do not write it down, and do not tell anyone else without the employee's consent.",
                ]),
            GuideSection(
                id: "atgarder", heading: "What the employer can do",
                paragraphs: ["A plan for safety at work is made together with the employee, never over their head. Examples of measures:"],
                items: [
                    "Changed working hours or another place of work.",
                    "Screened calls and e-mail, and a reception that knows whom not to let in or give information to.",
                    "Safer travel to and from work, and not working alone.",
                    "Leave to attend appointments with social services, police, lawyers or health care.",
                    "Removing the employee's name and photo from staff directories and the web.",
                ]),
        ],
        resourcesHeading: "Support available",
        resourcesIntro: "Tell everyone about the support, whatever they answer. This is the organisation's support:",
        noResources: "The organisation has not added any support contacts yet. In acute danger: call 112. Kvinnofridslinjen: 020-50 50 50.",
        phone: "Phone",
        closingSections: [
            GuideSection(
                id: "efter-samtalet", heading: "After the talk",
                paragraphs: [
                    "Record the talk under My team: the date and whether the question was asked. If it was not, choose a reason from the list. There is no place for free text.",
                    "You can correct the record for a short time; then it is locked. Every change is logged.",
                    "Take care of yourself too. Talk to your own manager or occupational health if the talk affected you – without saying whom it concerned.",
                ]),
        ]
    )
}
