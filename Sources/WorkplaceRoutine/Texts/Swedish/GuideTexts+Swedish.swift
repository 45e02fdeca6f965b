extension GuideTexts {
    static let swedish = GuideTexts(
        title: "Guide för frågan om våld i nära relationer",
        intro: "Den här guiden hjälper dig som chef att ställa frågan om våld i nära relationer i medarbetarsamtalet, och att veta vad du gör om svaret är ja.",
        contents: "Innehåll",
        printableLink: "Utskriftsvänlig version",
        printableNote: "Utskriftsvänlig version av guiden. Använd webbläsarens utskrift för att skriva ut eller spara som PDF.",
        printButton: "Skriv ut",
        backToGuide: "Tillbaka till guiden",
        sections: [
            GuideSection(
                id: "varfor", heading: "Varför alla får frågan",
                paragraphs: [
                    "Våld i nära relationer är vanligt och syns sällan utanpå. Många som utsätts berättar aldrig för någon om de inte får frågan.",
                    "När alla får frågan, varje år, känner sig ingen utpekad. Frågan blir en rutin och alla får veta var det finns stöd – även de som inte vill eller kan berätta just nu, och de som oroar sig för någon annan.",
                    "Arbetsgivaren ansvarar för arbetsmiljön. Våld i hemmet påverkar ofta arbetet, och arbetsplatsen kan vara en trygg plats att få hjälp ifrån.",
                ]),
            GuideSection(
                id: "sa-fragar-du", heading: "Så ställer du frågan",
                paragraphs: ["Ställ frågan när ni sitter ostört och ingen annan hör. Om det inte går, till exempel för att en tolk eller någon annan är med, vänta med frågan och registrera varför."],
                items: [
                    "Be om lov: ”Är det okej att jag ställer en fråga om hur du har det hemma?”",
                    "Säg att alla får frågan: ”Jag frågar alla mina medarbetare, eftersom våld i nära relationer är vanligt.”",
                    "Fråga rakt och enkelt: ”Har du varit med om att någon som står dig nära har skadat, hotat eller kontrollerat dig?”",
                    "Lyssna. Låt tystnad få ta plats. Visa att du tror på det som berättas.",
                    "Utred inte. Du behöver inte ta reda på vad som har hänt eller bedöma om det är allvarligt – det gör stödfunktionen.",
                    "Berätta var det finns stöd, oavsett svar, och att medarbetaren kan söka det själv när som helst, även anonymt.",
                ],
                after: ["Svaret är medarbetarens. Du skriver aldrig ner vad hen svarade, bara att frågan ställdes."]),
            GuideSection(
                id: "former", heading: "Våld är mer än slag",
                paragraphs: ["Våld i nära relationer kan ta många former, ofta flera samtidigt:"],
                items: [
                    "Fysiskt våld: slag, knuffar, stryptag, att hålla fast.",
                    "Psykiskt våld: hot, kränkningar, att kontrollera, isolera från vänner och familj.",
                    "Ekonomiskt våld: att ta pengar, neka tillgång till egna pengar eller skuldsätta någon.",
                    "Latent våld: det ständiga hotet om våld, som gör att man anpassar sig för att undvika det.",
                    "Sexuellt våld: att tvinga eller pressa till sexuella handlingar.",
                    "Hedersrelaterat våld och förtryck: kontroll och begränsningar för att bevara familjens anseende.",
                    "Hot, isolering och kontroll räknas också, även utan fysiskt våld.",
                ]),
            GuideSection(
                id: "om-svaret-ar-ja", heading: "Om svaret är ja",
                paragraphs: [
                    "Tacka för förtroendet. Säg att det inte är medarbetarens fel och att hjälp finns.",
                    "Fråga om medarbetaren är i akut fara. Är hen det: ring 112.",
                    "Fråga vad medarbetaren själv vill. Du kan, tillsammans med medarbetaren, föreslå kontakt med stödfunktionen eller skyddsåtgärder på arbetsplatsen. Medarbetaren bekräftar själv och väljer hur och när hen vill bli kontaktad.",
                    "Medarbetaren kan också själv kontakta stödet, med eller utan att logga in, och vara anonym.",
                    "Det medarbetaren berättar stannar hos er. Skriv inte ner det, och berätta det inte för någon annan utan medarbetarens samtycke.",
                ]),
            GuideSection(
                id: "atgarder", heading: "Vad arbetsgivaren kan göra",
                paragraphs: ["En plan för säkerheten på arbetet görs tillsammans med medarbetaren, aldrig över huvudet på hen. Exempel på åtgärder:"],
                items: [
                    "Ändrade arbetstider eller annan arbetsplats.",
                    "Samtal och e-post som sållas, och att receptionen vet vem som inte ska släppas in eller få uppgifter.",
                    "Tryggare resor till och från arbetet, och att inte arbeta ensam.",
                    "Ledighet för att gå på möten med socialtjänst, polis, advokat eller vård.",
                    "Att ta bort medarbetarens namn och bild från personalförteckningar och webben.",
                ]),
        ],
        resourcesHeading: "Stöd som finns",
        resourcesIntro: "Berätta om stödet för alla, oavsett vad de svarar. Det här är organisationens stöd:",
        noResources: "Organisationen har inte lagt in några stödkontakter ännu. Vid akut fara: ring 112. Kvinnofridslinjen: 020-50 50 50.",
        phone: "Telefon",
        closingSections: [
            GuideSection(
                id: "efter-samtalet", heading: "Efter samtalet",
                paragraphs: [
                    "Registrera samtalet under Mitt team: datum och om frågan ställdes. Om den inte ställdes väljer du ett skäl i listan. Det finns ingen plats för fritext.",
                    "Du kan rätta registreringen under en kort tid, sedan låses den. Alla ändringar loggas.",
                    "Ta hand om dig själv också. Prata med din chef eller företagshälsovården om samtalet har berört dig – utan att berätta vem det gällde.",
                ]),
        ]
    )
}
