import Testing
@testable import HTML
@testable import WorkplaceRoutine

/// The server-rendered charts: an image named by its title and description, bars as presentation
/// attributes (no style), and hidden figures as stripes with the mark, never as a bar of some length.
@Suite struct BarChartTests {
    static let bars = [ChartBar(label: "Förvaltning 1", value: .shown(fraction: 0.5, text: "50,0 %")),
                       ChartBar(label: "Förvaltning 2", value: .hidden),
                       ChartBar(label: "Förvaltning 3", value: .none(text: "–"))]

    @Test func aHorizontalChartIsANamedImageWithOneRowPerBar() {
        let html = Node.fragment(HorizontalBarChart(id: "c", title: "Andel <per> enhet", description: "Staplar", bars: Self.bars,
                                                    hiddenMark: "dold").body).render()
        #expect(html.hasPrefix("<svg class=\"chart\" viewBox=\"0 0 640 96\" role=\"img\" aria-labelledby=\"c-title c-desc\" focusable=\"false\">"))
        #expect(html.contains("<title id=\"c-title\">Andel &lt;per&gt; enhet</title><desc id=\"c-desc\">Staplar</desc>"))
        // The shown bar is half the track (340), with its value beside it.
        #expect(html.contains("<rect x=\"210\" y=\"7\" width=\"170\" height=\"18\" fill=\"#0b4f8a\"></rect>"))
        #expect(html.contains(">50,0 %</text>"))
        // The hidden one: stripes over the whole track, the mark beside; no solid bar.
        #expect(html.contains("width=\"340\" height=\"18\" fill=\"url(#c-hidden)\""))
        #expect(html.contains("font-weight=\"700\">dold</text>"))
        #expect(html.components(separatedBy: "fill=\"#0b4f8a\"").count == 2)
        // Nothing for the share of nobody but its dash.
        #expect(html.contains(">–</text>"))
        #expect(!html.contains("style"))
    }

    @Test func aColumnChartDrawsHiddenColumnsFullHeightInStripesWithTheMarkAbove() {
        let html = Node.fragment(ColumnChart(id: "m", title: "Per månad", description: "Staplar", bars: Self.bars, hiddenMark: "dold").body).render()
        #expect(html.contains("<pattern id=\"m-hidden\""))
        #expect(html.contains("y=\"26\" width=\"") && html.contains("height=\"186\" fill=\"url(#m-hidden)\""))
        #expect(html.contains("y=\"18\" font-size=\"13\" fill=\"#1b1b1b\" text-anchor=\"middle\" font-weight=\"700\">dold</text>"))
        // A shown column of half the scale is half the plot (186 / 2).
        #expect(html.contains("height=\"93\" fill=\"#0b4f8a\""))
    }

    @Test func longLabelsAreShortenedWithAnEllipsis() {
        #expect(ChartStyle.short("Vård- och omsorgsförvaltningen i Östersund", 10) == "Vård- och…")
        #expect(ChartStyle.short("Kort", 10) == "Kort")
    }
}
