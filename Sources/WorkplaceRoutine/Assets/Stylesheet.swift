/// `app.css`: one small stylesheet. Colours meet WCAG 2.1 AA contrast (text ≥ 4.5:1, large text and
/// controls ≥ 3:1); focus is always visible; nothing depends on colour alone; layout reflows to
/// 320 px and text can grow to 200 %.
enum Stylesheet {
    static let text = #"""
:root {
  --text: #1b1b1b; --muted: #4a4a4a; --background: #ffffff; --panel: #f3f2f1;
  --link: #0b4f8a; --link-visited: #4c2c92; --border: #6f6f6f; --accent: #0b4f8a;
  --error: #b3261e; --success: #0f6b35; --focus: #ffdd00; --exit: #b3261e;
}
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 100%; line-height: 1.5; color: var(--text); background: var(--background); }
body { margin: 0; }
html.is-exiting body > * { visibility: hidden; }
html.is-exiting { background: #ffffff; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:visited { color: var(--link-visited); }
a:hover { text-decoration-thickness: 3px; }
:focus-visible { outline: 3px solid var(--text); outline-offset: 0; box-shadow: 0 0 0 6px var(--focus); }
a:focus-visible { background: var(--focus); color: var(--text); box-shadow: 0 4px 0 var(--text); outline: none; text-decoration: none; }
.visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: -1px !important; padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; white-space: nowrap !important; border: 0 !important; }
.skip-link { position: absolute; left: -9999px; top: 0; padding: 0.5rem 1rem; background: var(--focus); color: var(--text); z-index: 20; }
.skip-link:focus { left: 0.5rem; top: 0.5rem; }
.quick-exit { position: sticky; top: 0; z-index: 10; display: flex; justify-content: flex-end; padding: 0.5rem 1rem; background: var(--background); border-bottom: 1px solid #d0d0d0; }
.quick-exit__button, .quick-exit__button:visited { display: inline-block; padding: 0.6rem 1.2rem; background: var(--exit); color: #ffffff; font-weight: 700; text-decoration: none; border-radius: 4px; border-bottom: 3px solid #6e1712; }
.quick-exit__button:hover { background: #8f1e18; color: #ffffff; }
.site-header { background: var(--panel); border-bottom: 4px solid var(--accent); }
.site-header__inner, .main-nav, .account-bar { max-width: 60rem; margin: 0 auto; padding: 0.5rem 1rem; display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; }
.site-name, .site-name:visited { font-size: 1.5rem; font-weight: 700; color: var(--text); text-decoration: none; }
.main-nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.main-nav a { font-weight: 600; }
.main-nav a[aria-current="page"] { color: var(--text); text-decoration-thickness: 3px; }
.signed-in { margin: 0; color: var(--muted); }
.inline-form { display: inline; margin: 0; }
main { display: block; max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
main:focus { outline: none; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.5rem; line-height: 1.25; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
p, li { max-width: 42rem; }
.lead { font-size: 1.2rem; }
.site-footer { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 2rem; border-top: 1px solid #b1b4b6; color: var(--muted); }
.field { margin: 0 0 1.5rem; }
.field--error { border-left: 5px solid var(--error); padding-left: 0.75rem; }
.field__label, .field__legend { display: block; font-weight: 700; margin-bottom: 0.25rem; }
.field__legend { font-size: 1.1rem; padding: 0; }
.field__hint { color: var(--muted); margin: 0 0 0.5rem; }
.field__error { color: var(--error); font-weight: 700; margin: 0 0 0.5rem; }
.fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
.input, .select, .textarea { font: inherit; width: 100%; max-width: 30rem; padding: 0.4rem 0.5rem; border: 2px solid var(--text); border-radius: 0; background: #ffffff; color: var(--text); }
.input--short { max-width: 12rem; }
.field--short .input { max-width: 8rem; }
.textarea { max-width: 42rem; }
.field--error .input, .field--error .select, .field--error .textarea { border-color: var(--error); }
.choice { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 0.5rem; margin: 0 0 0.5rem; }
.choice__input { width: 1.5rem; height: 1.5rem; margin: 0.1rem 0 0; accent-color: var(--accent); }
.choice__label { flex: 1; min-width: 12rem; }
.choice__hint { flex-basis: 100%; margin-left: 2rem; }
.choices--inline { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
.button, .button:visited { display: inline-block; font: inherit; font-weight: 700; padding: 0.55rem 1.1rem; border: 2px solid transparent; border-radius: 4px; background: var(--success); color: #ffffff; cursor: pointer; text-decoration: none; box-shadow: 0 2px 0 #063a1c; }
.button:hover { background: #0b5229; }
.button--secondary, .button--secondary:visited { background: #ffffff; color: var(--text); border-color: var(--text); box-shadow: none; }
.button--secondary:hover { background: var(--panel); }
.button--warning, .button--warning:visited { background: var(--error); box-shadow: 0 2px 0 #6e1712; }
.button-row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin-top: 1.5rem; }
.error-summary { border: 5px solid var(--error); padding: 1rem 1.25rem; margin: 0 0 2rem; }
.error-summary:focus { outline: 3px solid var(--focus); }
.error-summary__title { margin-top: 0; font-size: 1.3rem; }
.error-summary__list a { color: var(--error); font-weight: 700; }
.notice { border-left: 6px solid var(--success); background: #eef7f1; padding: 0.75rem 1rem; margin: 0 0 1.5rem; }
.notice p { margin: 0; }
.panel { background: var(--panel); padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
.panel--important { border-left: 6px solid var(--accent); }
.table-wrap { overflow-x: auto; margin: 0 0 1.5rem; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 700; font-size: 1.1rem; padding: 0 0 0.5rem; }
th, td { text-align: left; padding: 0.5rem 0.75rem 0.5rem 0; border-bottom: 1px solid #b1b4b6; vertical-align: top; }
th { font-weight: 700; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.tag { display: inline-block; padding: 0.1rem 0.5rem; font-weight: 700; font-size: 0.95rem; border: 2px solid currentColor; }
.tag--done { color: var(--success); }
.tag--overdue { color: var(--error); }
.tag--planned { color: var(--accent); }
.tag--neutral { color: var(--muted); }
.summary-list { margin: 0 0 1.5rem; }
.summary-list dt { font-weight: 700; }
.summary-list dd { margin: 0 0 0.75rem; }
.chart { max-width: 100%; height: auto; }
.breadcrumbs ol { list-style: none; display: flex; flex-wrap: wrap; margin: 0 0 1rem; padding: 0; }
.breadcrumbs li + li::before { content: "›"; padding: 0 0.5rem; color: var(--muted); }
.report-organisation { font-size: 1.25rem; font-weight: 600; margin: -0.5rem 0 1rem; }
.report-published { color: var(--muted); }
.report-downloads__heading { font-size: 1.1rem; }
.report-chart { margin: 0 0 1rem; }
.report-chart .chart { width: 100%; }
td.figure--hidden { font-style: italic; color: var(--muted); }
.report-total th, .report-total td { font-weight: 700; border-bottom-width: 2px; }
.resource-list { padding-left: 1.25rem; }
.resource-list li { margin: 0 0 1rem; }
.report-list li { margin: 0 0 0.25rem; }
.stored-data pre { white-space: pre-wrap; word-break: break-word; }
progress { width: 100%; max-width: 30rem; height: 1.5rem; }
.doors { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; margin: 0 0 1rem; }
.door h3 { margin-top: 0; }
.organisation-list, .resource-list { padding-left: 1.25rem; }
.resource__name { font-size: 1.1rem; margin: 1rem 0 0.25rem; }
.receipt { text-align: center; }
.receipt__label { margin: 0; font-weight: 700; max-width: none; }
.receipt__code { margin: 0.5rem 0 0; font-size: 2rem; font-weight: 700; letter-spacing: 0.08em; font-variant-numeric: tabular-nums; max-width: none; }
.dialogue, .notes { list-style: none; margin: 0 0 1.5rem; padding: 0; }
.message, .note { border-left: 6px solid var(--border); background: var(--panel); padding: 0.5rem 1rem; margin: 0 0 0.75rem; max-width: 42rem; }
.message--team { border-left-color: var(--accent); }
.message__meta { margin: 0 0 0.25rem; color: var(--muted); }
.message__body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.wishes { font-size: 1.2rem; font-weight: 600; }
.case-facts .tag { margin-right: 0.25rem; }
.attempts, .case-log { padding-left: 1.25rem; }
@media print {
  .quick-exit, .site-header, .site-footer, .skip-link, .button-row, form, .no-print { display: none !important; }
  main { max-width: none; padding: 0; }
  a { color: #000000; }
  .print-only { display: block !important; }
  .report-chart, .report-section table { break-inside: avoid; }
  .table-wrap { overflow: visible; }
}
.print-only { display: none; }
"""#
}
