import Foundation
import HTML
import HTTP

/// `/inbox`: the support team's requests without content — waiting for first contact (least
/// working time left first), ongoing, and the latest closed.
enum InboxPage {
    static func render(_ context: RequestContext, entries: [InboxEntry], calendar: WorkingCalendar, now: Date) -> HTTPResponse {
        let texts = context.texts.support
        let waiting = entries.filter { $0.status == .new }
        let ongoing = entries.filter { $0.status == .contacted }
        let closed = entries.filter { $0.status == .closed }
        return context.page(texts.inboxTitle) {
            Node.h1(texts.inboxTitle)
            Node.p(texts.inboxIntro)
            table(context, caption: texts.waitingCaption, empty: texts.nothingWaiting, entries: waiting, calendar: calendar, now: now, id: "waiting")
            table(context, caption: texts.ongoingCaption, empty: texts.nothingOngoing, entries: ongoing, calendar: calendar, now: now, id: "ongoing")
            table(context, caption: texts.closedCaption, empty: texts.nothingClosed, entries: closed, calendar: calendar, now: now, id: "closed")
        }
    }

    private static func table(_ context: RequestContext, caption: String, empty: String, entries: [InboxEntry],
                              calendar: WorkingCalendar, now: Date, id: String) -> Node {
        let texts = context.texts.support
        let intake = context.texts.intake
        if entries.isEmpty {
            return Node.section(.aria("labelledby", id + "-heading")) {
                Node.h2(.id(id + "-heading"), text: caption)
                Node.p(empty)
            }
        }
        return Node.section(.aria("labelledby", id + "-heading")) {
            Node.h2(.id(id + "-heading"), text: caption)
            Node.div(.class("table-wrap"), .role("region"), .tabindex(0), .aria("labelledby", id + "-heading")) {
                Node.table(.id(id)) {
                    Node.thead {
                        Node.tr {
                            Node.th(.scope("col"), text: texts.columnReceived)
                            Node.th(.scope("col"), text: texts.columnKind)
                            Node.th(.scope("col"), text: texts.columnDoor)
                            Node.th(.scope("col"), text: texts.columnChannel)
                            Node.th(.scope("col"), text: texts.columnTimeLeft)
                            Node.th(.scope("col"), text: texts.columnTeam)
                        }
                    }
                    Node.tbody {
                        for entry in entries {
                            Node.tr(.data("request", entry.id.uuidString.lowercased())) {
                                Node.td {
                                    Node.a(.href("/inbox/\(entry.id.uuidString.lowercased())"),
                                           text: texts.openCase(SupportTime.short(entry.receivedAt, texts)))
                                    if entry.unreadMessages > 0 {
                                        " "
                                        Node.span(.class("tag tag--planned"), text: texts.newMessages(entry.unreadMessages))
                                    }
                                }
                                Node.td(SupportPageLabels.kind(entry.kind, intake))
                                Node.td(texts.doorLabel(entry.door))
                                Node.td(texts.channelLabel(entry.channel))
                                Node.td { status(entry, texts: texts, calendar: calendar, now: now) }
                                Node.td(entry.teamName)
                            }
                        }
                    }
                }
            }
        }
    }

    private static func status(_ entry: InboxEntry, texts: SupportTexts, calendar: WorkingCalendar, now: Date) -> Node {
        switch entry.status {
        case .new:
            let left = WorkingTimeLeft(deadline: entry.deadlineAt, now: now, calendar: calendar)
            return Node.span(.class("tag", left.isOverdue ? "tag--overdue" : "tag--neutral"), text: left.text(texts))
        case .contacted:
            return .text(texts.contactedAt(SupportTime.short(entry.firstContactAt ?? entry.receivedAt, texts)))
        case .closed:
            return .text(texts.closedAt(SupportTime.short(entry.closedAt ?? entry.receivedAt, texts)))
        }
    }
}
